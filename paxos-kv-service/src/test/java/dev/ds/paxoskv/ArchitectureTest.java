package dev.ds.paxoskv;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

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
    static final ArchRule springOnlyInBoot = classes()
            .that().resideOutsideOfPackage("dev.ds.paxoskv.boot..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..")
            .because("all Spring wiring of a service lives in its boot package");

    @ArchTest
    static final ArchRule noTestNetwork = CoreRules.noTestNetwork();
}
