package dev.ds.mapreduce;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/**
 * The coordinator core, the engine and the apps stay plain Java: no Spring, no network, no
 * sleeping, no wall clock, no unseeded randomness. File and network I/O live in {@code storage},
 * {@code worker}, {@code sequential} and {@code sample}; Spring stays in {@code boot}.
 */
@AnalyzeClasses(packages = "dev.ds.mapreduce", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = CoreRules.protocolCore(
            "dev.ds.mapreduce.coordinator..", "dev.ds.mapreduce.engine..", "dev.ds.mapreduce.app..");

    @ArchTest
    static final ArchRule coreOpensNoFiles = classes()
            .that().resideInAnyPackage("dev.ds.mapreduce.coordinator..", "dev.ds.mapreduce.engine..",
                    "dev.ds.mapreduce.app..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("java.nio.file..", "dev.ds.mapreduce.storage..",
                    "dev.ds.mapreduce.worker..")
            .because("files are reached through ports (Outputs, RunStore) and streams the edge opens");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.mapreduce.boot..");
}
