package dev.ds.paxoskv;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/** The key/value state machine is a plain core; Spring stays in {@code boot}. */
@AnalyzeClasses(packages = "dev.ds.paxoskv", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule stateMachineIsPlainJava = CoreRules.protocolCore("dev.ds.paxoskv.kv..");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.paxoskv.boot..");
}
