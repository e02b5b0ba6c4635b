package dev.ds.rsm;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/** The replicated state machine is a plain core; the driver that ticks it lives in {@code runtime}. */
@AnalyzeClasses(packages = "dev.ds.rsm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = CoreRules.protocolCore("dev.ds.rsm");

    @ArchTest
    static final ArchRule noTestNetwork = CoreRules.noTestNetwork();
}
