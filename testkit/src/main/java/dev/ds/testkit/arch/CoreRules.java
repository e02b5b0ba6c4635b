package dev.ds.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A protocol core is a plain state machine: no Spring, no {@code java.net}, no sleeping, no wall
 * clock and no randomness it did not get from an injected, seeded generator. Time arrives as
 * ticks and randomness as a {@link Random} built from a seed by the caller, so the same inputs
 * always give the same behaviour and a simulator can replay it.
 */
public final class CoreRules {

    private CoreRules() {
    }

    /** Every rule at once, for the packages matched by {@code corePackages} (ArchUnit syntax, e.g. {@code "..view.."}). */
    public static ArchRule protocolCore(String... corePackages) {
        return CompositeArchRule.of(noSpring(corePackages))
                .and(noNetwork(corePackages))
                .and(noSleep(corePackages))
                .and(noWallClock(corePackages))
                .and(noUnseededRandomness(corePackages));
    }

    /**
     * The rules of a module's main classes as a whole: all Spring wiring lives in {@code
     * bootPackage} (e.g. {@code "dev.ds.paxoskv.boot.."}), and no class names the in-memory
     * network ({@link #noTestNetwork()}).
     */
    public static ArchRule springOnlyIn(String bootPackage) {
        return CompositeArchRule.of(classes().that().resideOutsideOfPackage(bootPackage)
                        .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..")
                        .because("all Spring wiring of a service lives in its boot package"))
                .and(noTestNetwork());
    }

    /**
     * Production code serves and calls peers through {@code rpc.Routes} and {@code RpcClient}; the
     * in-memory network is the tests' transport and no main class names it. Apply it to a module's
     * main classes only ({@code ImportOption.DoNotIncludeTests}).
     */
    public static ArchRule noTestNetwork() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("dev.ds.rpc.memory..")
                .because("the in-memory network is for tests: runtime classes describe their Routes instead");
    }

    static ArchRule noSpring(String... corePackages) {
        return noClasses().that().resideInAnyPackage(corePackages)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .because("the protocol core knows nothing of Spring");
    }

    static ArchRule noNetwork(String... corePackages) {
        return noClasses().that().resideInAnyPackage(corePackages)
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..")
                .because("the core reaches peers only through its typed port");
    }

    static ArchRule noSleep(String... corePackages) {
        return noClasses().that().resideInAnyPackage(corePackages)
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.TimeUnit")
                .because("time comes in as ticks; a core never waits");
    }

    static ArchRule noWallClock(String... corePackages) {
        return noClasses().that().resideInAnyPackage(corePackages)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(Clock.class)
                .because("time comes in as ticks or an injected clock");
    }

    static ArchRule noUnseededRandomness(String... corePackages) {
        return noClasses().that().resideInAnyPackage(corePackages)
                .should().callConstructor(Random.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .orShould().dependOnClassesThat().areAssignableTo(SecureRandom.class)
                .orShould().callMethod(UUID.class, "randomUUID")
                .because("randomness comes from an injected, seeded generator so that runs replay");
    }
}
