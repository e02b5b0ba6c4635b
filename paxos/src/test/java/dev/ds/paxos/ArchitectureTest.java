package dev.ds.paxos;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/**
 * The core, the wire records and storage stay plain Java; Spring stays in {@code
 * boot}; the core reaches peers only through its port, never through the RPC seam itself.
 */
@AnalyzeClasses(packages = "dev.ds.paxos", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava =
            CoreRules.protocolCore("dev.ds.paxos.core..", "dev.ds.paxos.api..", "dev.ds.paxos.storage..");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.paxos.boot..");

    @ArchTest
    static final ArchRule coreUsesItsPortNotTheTransport = noClasses()
            .that().resideInAPackage("dev.ds.paxos.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ds.rpc..", "dev.ds.paxos.runtime..", "dev.ds.paxos.boot..")
            .because("the core talks to peers through PaxosPeers; threads and transports plug in from outside");
}
