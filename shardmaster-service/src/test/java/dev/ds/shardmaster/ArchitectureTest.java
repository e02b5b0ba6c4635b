package dev.ds.shardmaster;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/** The rebalancer and the configuration state machine are pure, deterministic cores; Spring stays in {@code boot}. */
@AnalyzeClasses(packages = "dev.ds.shardmaster", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rebalancerIsPlainJava = CoreRules.protocolCore("dev.ds.shardmaster.rebalance..");

    @ArchTest
    static final ArchRule stateMachineIsPlainJava = CoreRules.protocolCore("dev.ds.shardmaster.master..");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.shardmaster.boot..");
}
