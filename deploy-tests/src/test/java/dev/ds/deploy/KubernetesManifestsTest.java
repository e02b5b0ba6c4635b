package dev.ds.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/k8s: the resources kustomization.yaml ties together, checked as Kubernetes would wire them. */
class KubernetesManifestsTest {

    private static final String DIR = "deploy/k8s/";
    private static final String POD_INDEX = "metadata.labels['apps.kubernetes.io/pod-index']";

    private final Map<String, Object> kustomization = Repo.yaml(DIR + "kustomization.yaml");
    private final String namespace = (String) kustomization.get("namespace");
    private final List<Map<String, Object>> resources = resources();

    private List<Map<String, Object>> resources() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Object file : Repo.list(kustomization.get("resources"))) {
            all.addAll(Repo.yamlAll(DIR + file));
        }
        return all;
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    private Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Repo.at(r, "metadata", "name"))).findFirst();
    }

    private static String name(Map<String, Object> resource) {
        return String.valueOf(Repo.at(resource, "metadata", "name"));
    }

    private List<Map<String, Object>> workloads() {
        List<Map<String, Object>> workloads = new ArrayList<>(ofKind("StatefulSet"));
        workloads.addAll(ofKind("Deployment"));
        return workloads;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Object> containers = Repo.list(Repo.at(workload, "spec", "template", "spec", "containers"));
        assertThat(containers).as(name(workload) + ": one container").hasSize(1);
        return Repo.map(containers.get(0));
    }

    /** Env entries by name: the value, or the entry's valueFrom as "from:" + its text. */
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        Object entries = container.get("env");
        if (entries != null) {
            for (Object entry : Repo.list(entries)) {
                Object value = Repo.at(entry, "value");
                env.put(String.valueOf(Repo.at(entry, "name")),
                        value != null ? String.valueOf(value) : "from:" + Repo.at(entry, "valueFrom"));
            }
        }
        return env;
    }

    private static Map<String, String> args(Map<String, Object> container) {
        Map<String, String> args = new LinkedHashMap<>();
        Object list = container.get("args");
        if (list != null) {
            for (Object arg : Repo.list(list)) {
                String a = String.valueOf(arg);
                assertThat(a).as("argument").startsWith("--").contains("=");
                args.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        return args;
    }

    @Test
    void kustomizationListsEveryManifestAndTheNamespace() throws IOException {
        List<String> listed = Repo.list(kustomization.get("resources")).stream().map(String::valueOf).toList();
        List<String> files;
        try (Stream<Path> dir = Files.list(Repo.path(DIR))) {
            files = dir.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml"))
                    .filter(f -> !f.equals("kustomization.yaml")).toList();
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(files);
        assertThat(find("Namespace", namespace)).as("Namespace " + namespace).isPresent();
        for (Map<String, Object> resource : resources) {
            if (!"Namespace".equals(resource.get("kind"))) {
                assertThat(Repo.at(resource, "metadata", "namespace")).as(resource.get("kind") + " " + name(resource))
                        .isEqualTo(namespace);
            }
        }
    }

    @Test
    void everyStatefulSetHasAHeadlessServiceThatPublishesNotReadyPeers() {
        assertThat(ofKind("StatefulSet")).extracting(KubernetesManifestsTest::name)
                .containsExactlyInAnyOrder("paxos-kv", "shardmaster", "shardkv-100", "shardkv-101");
        for (Map<String, Object> set : ofKind("StatefulSet")) {
            String serviceName = String.valueOf(Repo.at(set, "spec", "serviceName"));
            Map<String, Object> service = find("Service", serviceName)
                    .orElseThrow(() -> new AssertionError(name(set) + ": no Service " + serviceName));
            assertThat(Repo.at(service, "spec", "clusterIP")).as(serviceName).isEqualTo("None");
            assertThat(Repo.at(service, "spec", "publishNotReadyAddresses")).as(serviceName).isEqualTo(true);
            Map<String, Object> labels = Repo.map(Repo.at(set, "spec", "template", "metadata", "labels"));
            assertThat(labels).as(serviceName + " selector").containsAllEntriesOf(Repo.map(Repo.at(service, "spec", "selector")));
            assertThat(labels).containsAllEntriesOf(Repo.map(Repo.at(set, "spec", "selector", "matchLabels")));
            assertThat(Repo.at(set, "spec", "podManagementPolicy")).as(name(set) + ": all replicas start at once")
                    .isEqualTo("Parallel");
        }
    }

    @Test
    void peersAreThePodsStableDnsNamesAndMeIsTheOrdinal() {
        for (Map<String, Object> set : ofKind("StatefulSet")) {
            String name = name(set);
            int replicas = ((Number) Repo.at(set, "spec", "replicas")).intValue();
            Map<String, Object> container = container(set);
            int port = containerPort(container);
            Map<String, String> env = env(container);
            List<String> peers = Arrays.asList(env.get("NODE_PEERS").split(","));
            assertThat(peers).as(name + " node.peers").hasSize(replicas);
            for (int i = 0; i < replicas; i++) {
                assertThat(peers.get(i)).as(name + " node.peers[" + i + "]").isEqualTo("http://" + name + "-" + i + "."
                        + Repo.at(set, "spec", "serviceName") + "." + namespace + ".svc.cluster.local:" + port);
            }
            assertThat(env.get("NODE_ME")).as(name + " node.me").contains(POD_INDEX);
        }
    }

    @Test
    void durableReplicasKeepTheirDataDirOnAVolumeClaim() {
        for (Map<String, Object> set : ofKind("StatefulSet")) {
            List<Object> claims = Repo.list(Repo.at(set, "spec", "volumeClaimTemplates"));
            assertThat(claims).as(name(set)).hasSize(1);
            String claim = String.valueOf(Repo.at(claims.get(0), "metadata", "name"));
            String dataDir = args(container(set)).get("node.data-dir");
            assertThat(dataDir).as(name(set) + " node.data-dir").isNotBlank();
            assertThat(Repo.list(container(set).get("volumeMounts")))
                    .as(name(set) + ": claim " + claim + " at " + dataDir)
                    .anyMatch(m -> claim.equals(Repo.at(m, "name")) && dataDir.equals(Repo.at(m, "mountPath")));
        }
    }

    @Test
    void mapReduceNodesReadAndWriteOnlyOnTheirSharedVolume() {
        for (String name : List.of("mr-coordinator", "mr-worker")) {
            Map<String, Object> container = container(find("Deployment", name).orElseThrow());
            Map<String, String> args = args(container);
            for (String roots : List.of("mapreduce.input-roots", "mapreduce.output-roots")) {
                assertThat(args.get(roots)).as(name + " " + roots).isEqualTo("/shared");
            }
            assertThat(Repo.list(container.get("volumeMounts"))).as(name + ": the shared volume at /shared")
                    .anyMatch(m -> "/shared".equals(Repo.at(m, "mountPath")));
        }
    }

    @Test
    void everyNodeHasLivenessAndReadinessProbesOnItsPort() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> container = container(workload);
            String portName = String.valueOf(Repo.at(Repo.list(container.get("ports")).get(0), "name"));
            Map<String, String> paths = Map.of("livenessProbe", "/actuator/health/liveness",
                    "readinessProbe", "/actuator/health/readiness", "startupProbe", "/actuator/health/liveness");
            paths.forEach((probe, path) -> {
                assertThat(Repo.at(container, probe, "httpGet", "path")).as(name(workload) + " " + probe).isEqualTo(path);
                assertThat(Repo.at(container, probe, "httpGet", "port")).as(name(workload) + " " + probe).isEqualTo(portName);
            });
        }
    }

    @Test
    void everyContainerHasResourceLimitsAboveItsHeap() {
        List<Map<String, Object>> containers = new ArrayList<>();
        workloads().forEach(w -> containers.add(container(w)));
        ofKind("Job").forEach(j -> Repo.list(Repo.at(j, "spec", "template", "spec", "containers"))
                .forEach(c -> containers.add(Repo.map(c))));
        for (Map<String, Object> container : containers) {
            assertThat(Repo.at(container, "resources", "limits", "memory")).as(container.get("name") + " memory limit").isNotNull();
            assertThat(Repo.at(container, "resources", "limits", "cpu")).as(container.get("name") + " cpu limit").isNotNull();
            assertThat(Repo.at(container, "resources", "requests", "memory")).as(String.valueOf(container.get("name"))).isNotNull();
        }
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> container = container(workload);
            Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(env(container).getOrDefault("JAVA_TOOL_OPTIONS", ""));
            assertThat(xmx.find()).as(name(workload) + " -Xmx").isTrue();
            Matcher limit = Pattern.compile("(\\d+)Mi").matcher(String.valueOf(Repo.at(container, "resources", "limits", "memory")));
            assertThat(limit.matches()).as(name(workload) + " memory limit in Mi").isTrue();
            assertThat(Integer.parseInt(xmx.group(1))).as(name(workload) + " heap").isLessThanOrEqualTo(Integer.parseInt(limit.group(1)) * 3 / 4);
        }
    }

    @Test
    void everyNodeReadsTheClusterSecretFromTheSecretAndHasChaosOn() {
        Map<String, Object> secret = ofKind("Secret").get(0);
        String key = Repo.map(secret.get("stringData")).keySet().iterator().next();
        for (Map<String, Object> workload : workloads()) {
            Map<String, String> env = env(container(workload));
            assertThat(env.get("CLUSTER_SECRET")).as(name(workload))
                    .contains("secretKeyRef").contains("name=" + name(secret)).contains("key=" + key);
            assertThat(env.get("CHAOS_ENABLED")).as(name(workload)).isEqualTo("true");
        }
    }

    @Test
    void shardkvGroupsKnowTheirGidAndTheShardMasters() {
        String masters = env(container(find("StatefulSet", "shardmaster").orElseThrow())).get("NODE_PEERS");
        for (String gid : List.of("100", "101")) {
            Map<String, String> args = args(container(find("StatefulSet", "shardkv-" + gid).orElseThrow()));
            assertThat(args).containsEntry("shardkv.gid", gid).containsEntry("shardkv.shardmasters", masters);
        }
    }

    @Test
    void theJoinJobAddsBothGroupsWithTheirPeers() {
        Map<String, Object> job = find("Job", "shardkv-join").orElseThrow();
        Map<String, Object> container = Repo.map(Repo.list(Repo.at(job, "spec", "template", "spec", "containers")).get(0));
        String script = String.join("\n", Repo.list(container.get("args")).stream().map(String::valueOf).toList());
        Map<Integer, List<String>> joined = DockerComposeTest.joinBodies(script);
        assertThat(joined).containsOnlyKeys(100, 101);
        joined.forEach((gid, servers) -> assertThat(String.join(",", servers)).as("join of " + gid)
                .isEqualTo(env(container(find("StatefulSet", "shardkv-" + gid).orElseThrow())).get("NODE_PEERS")));
        for (String master : env(container(find("StatefulSet", "shardmaster").orElseThrow())).get("NODE_PEERS").split(",")) {
            assertThat(script).contains(master);
        }
    }

    @Test
    void urlsBetweenNodesNameServicesThatExist() {
        for (Map<String, Object> workload : workloads()) {
            Map<String, Object> container = container(workload);
            Map<String, String> args = args(container);
            for (String key : List.of("viewservice.url", "mapreduce.coordinator")) {
                if (args.containsKey(key)) {
                    Matcher url = Pattern.compile("http://([a-z0-9-]+)\\." + namespace + "\\.svc\\.cluster\\.local:(\\d+)")
                            .matcher(args.get(key));
                    assertThat(url.matches()).as(name(workload) + " " + key).isTrue();
                    Map<String, Object> service = find("Service", url.group(1)).orElseThrow(() ->
                            new AssertionError(name(workload) + " " + key + ": no Service " + url.group(1)));
                    assertThat(Repo.list(Repo.at(service, "spec", "ports")))
                            .anyMatch(p -> String.valueOf(Repo.at(p, "port")).equals(url.group(2)));
                }
            }
            if (args.containsKey("node.self")) {
                assertThat(args.get("node.self")).as(name(workload)).isEqualTo("http://$(POD_IP):" + containerPort(container));
                assertThat(env(container).get("POD_IP")).as(name(workload)).contains("status.podIP");
            }
        }
    }

    @Test
    void imagesAreTheServiceModulesAndRunAsNonRoot() {
        Set<String> kustomized = Set.copyOf(Repo.list(kustomization.get("images")).stream()
                .map(i -> String.valueOf(Repo.at(i, "name"))).toList());
        for (Map<String, Object> workload : workloads()) {
            String image = String.valueOf(container(workload).get("image"));
            String module = image.substring("ds/".length(), image.indexOf(':'));
            assertThat(Repo.path(module + "/pom.xml")).as(name(workload) + " image " + image).isRegularFile();
            assertThat(kustomized).contains("ds/" + module);
            assertThat(Repo.at(workload, "spec", "template", "spec", "securityContext", "runAsNonRoot"))
                    .as(name(workload)).isEqualTo(true);
        }
    }

    private static int containerPort(Map<String, Object> container) {
        return ((Number) Repo.at(Repo.list(container.get("ports")).get(0), "containerPort")).intValue();
    }
}
