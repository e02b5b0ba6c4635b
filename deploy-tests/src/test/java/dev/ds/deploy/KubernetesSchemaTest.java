package dev.ds.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.ds.testkit.process.NpmTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every manifest in {@code deploy/k8s} passes the Kubernetes API's JSON schemas, as the npm package
 * {@code kubernetes-models} ships them (validated by {@code src/test/node/validate-k8s.mjs}), and a
 * manifest with wrong types, a missing required field, a value outside an enum or an unknown
 * apiVersion does not. Skipped, with the reason, where Node.js or npm is missing or the registry
 * cannot be reached.
 *
 * <p>The packages are pinned and installed once with npm into {@code .tools/} (git-ignored), outside
 * any {@code target/}, so that {@code mvn clean} does not download them again. The schemas do not
 * forbid unknown fields (nor does the Kubernetes OpenAPI they come from); the other tests of this
 * module check the fields we rely on.
 */
class KubernetesSchemaTest {

    static final String MODELS_VERSION = "5.1.0";
    static final String YAML_VERSION = "2.9.1";
    private static final Path TOOLS = Repo.ROOT.resolve(".tools/kubernetes-models-" + MODELS_VERSION);
    private static final Path VALIDATOR = Repo.path("deploy-tests/src/test/node/validate-k8s.mjs");

    private static Path modules;

    @BeforeAll
    static void install() throws IOException, InterruptedException {
        modules = TOOLS.resolve("node_modules");
        NpmTool.install(TOOLS, modules.resolve("yaml"), "check the Kubernetes manifests against the API schemas"
                + " (npm kubernetes-models)", "kubernetes-models@" + MODELS_VERSION, "yaml@" + YAML_VERSION)
                .ifPresent(reason -> abort(reason));
    }

    @Test
    void everyManifestPassesTheKubernetesApiSchemas() throws IOException, InterruptedException {
        List<Path> manifests;
        try (Stream<Path> files = Files.list(Repo.path("deploy/k8s"))) {
            manifests = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        long objects = manifests.stream().filter(f -> !f.endsWith("kustomization.yaml"))
                .mapToLong(f -> Repo.yamlAll(Repo.ROOT.relativize(f).toString()).size()).sum();

        NpmTool.Result check = validate(manifests);

        assertThat(check.exitCode()).as("validate-k8s:%n%s", check.output()).isZero();
        assertThat(check.output()).as("every object validated, none skipped")
                .contains("validated " + objects + " documents, 0 errors")
                .contains("ok " + Repo.path("deploy/k8s/paxos-kv.yaml") + " StatefulSet/paxos-kv");
    }

    @Test
    void aManifestThatBreaksTheSchemasIsRejectedWithThePath() throws IOException, InterruptedException {
        Path bad = Files.createTempFile("bad-manifest", ".yaml");
        try {
            Files.writeString(bad, """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: wrong-types}
                    spec:
                      replicas: three
                      selector: {matchLabels: {a: b}}
                      template:
                        metadata: {labels: {a: b}}
                        spec:
                          containers: [{name: x, image: y, imagePullPolicy: Sometimes}]
                    ---
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata: {name: no-containers}
                    spec:
                      selector: {matchLabels: {a: b}}
                      serviceName: s
                      template: {spec: {}}
                    ---
                    apiVersion: apps/v1beta9
                    kind: Deployment
                    metadata: {name: unknown-version}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: fine}
                    spec:
                      ports: [{port: 80}]
                    """, StandardCharsets.UTF_8);

            NpmTool.Result check = validate(List.of(bad));

            assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
            assertThat(check.output())
                    .contains("Deployment/wrong-types: /spec/replicas must be integer")
                    .contains("/spec/template/spec/containers/0/imagePullPolicy must be equal to one of the allowed values")
                    .contains("StatefulSet/no-containers: /spec/template/spec must have required property containers")
                    .contains("Deployment/unknown-version: no schema for apiVersion apps/v1beta9")
                    .contains("ok " + bad + " Service/fine")
                    .contains("validated 4 documents, 3 errors");
        } finally {
            Files.deleteIfExists(bad);
        }
    }

    private static NpmTool.Result validate(List<Path> manifests) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.toString(), modules.toString()));
        manifests.forEach(m -> command.add(m.toString()));
        return NpmTool.run(command, Map.of(), 120);
    }
}
