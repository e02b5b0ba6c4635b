package dev.ds.shardkv;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/** The group state machine and the wire records are plain cores; Spring stays in {@code boot}. */
@AnalyzeClasses(packages = "dev.ds.shardkv", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule groupStateMachineIsPlainJava = CoreRules.protocolCore("dev.ds.shardkv.group..", "dev.ds.shardkv.api..");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.shardkv.boot..");
}
