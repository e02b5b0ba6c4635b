package dev.ds.viewservice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ds.testkit.arch.CoreRules;

/** The view service core stays a plain state machine; Spring stays in {@code boot}. */
@AnalyzeClasses(packages = "dev.ds.viewservice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsPlainJava = CoreRules.protocolCore("dev.ds.viewservice.view..");

    /** The pb server's rules and state: no calls, no threads, no clock; only the shell, PbServer, calls peers. */
    @ArchTest
    static final ArchRule pbCoreIsPlainJava = CoreRules.protocolCore("dev.ds.viewservice.pb..");

    @ArchTest
    static final ArchRule pbStateMakesNoCalls = noClasses()
            .that().resideInAPackage("dev.ds.viewservice.pb..").and().doNotHaveSimpleName("PbServer")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.ds.rpc.RpcClient")
            .because("the state makes no calls: the runtime shell makes them, holding no lock across them");

    @ArchTest
    static final ArchRule springOnlyInBootAndNoTestNetwork = CoreRules.springOnlyIn("dev.ds.viewservice.boot..");
}
