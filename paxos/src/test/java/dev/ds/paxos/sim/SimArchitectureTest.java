package dev.ds.paxos.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ds.testkit.arch.CoreRules;
import org.junit.jupiter.api.Test;

/**
 * The simulator lives in the test sources but obeys the core rules: simulated time and seeded
 * randomness only, so a seed replays a run exactly. The JUnit classes that drive it (which may
 * time themselves) are left out.
 */
class SimArchitectureTest {

    private static final JavaClasses SIMULATOR = new ClassFileImporter()
            .withImportOption(location -> !location.contains("Test"))
            .importPackages("dev.ds.paxos.sim");

    @Test
    void simulatorIsPlainJava() {
        CoreRules.protocolCore("dev.ds.paxos.sim..").check(SIMULATOR);
    }

    @Test
    void simulatorDrivesTheCoreNotTheTransport() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.ds.rpc..", "dev.ds.paxos.runtime..", "dev.ds.paxos.boot..")
                .because("the simulator plays the network itself, through the core's PaxosPeers port")
                .check(SIMULATOR);
    }
}
