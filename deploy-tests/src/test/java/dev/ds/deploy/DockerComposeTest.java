package dev.ds.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ds.deploy.Compose.Service;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docker-compose.yml: the topology of the issue, wired consistently (CONTRACT.md section 1). */
class DockerComposeTest {

    /** The replica groups that run Paxos: group name (the prefix of its members' names) to module. */
    static final Map<String, String> REPLICA_GROUPS = Map.of(
            "paxos-kv", "paxos-kv-service",
            "shardmaster", "shardmaster-service",
            "shardkv-100", "shardkv-service",
            "shardkv-101", "shardkv-service");
    static final List<String> SHARDMASTERS = List.of("shardmaster-0", "shardmaster-1", "shardmaster-2");
    static final List<String> MAPREDUCE = List.of("mr-coordinator", "mr-worker-1", "mr-worker-2");

    private final Compose compose = Compose.load();

    @Test
    void hasEveryServiceOfTheTopology() {
        Set<String> expected = new TreeSet<>(List.of("viewservice", "pb-1", "pb-2", "pb-3", "shardkv-join",
                "mr-books", "mr-coordinator", "mr-worker-1", "mr-worker-2", "prometheus", "grafana"));
        REPLICA_GROUPS.keySet().forEach(group -> IntStream.range(0, 3).forEach(i -> expected.add(group + "-" + i)));
        assertThat(compose.services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyVariableHasADefaultSoThatPlainUpWorks() {
        assertThat(compose.variablesWithoutDefault).isEmpty();
        assertThat(compose.variables).contains("BASE_IMAGE", "CLUSTER_SECRET", "GUTENBERG_DIR", "PROMETHEUS_IMAGE",
                "GRAFANA_IMAGE");
    }

    @Test
    void rolesMatchTheContract() {
        assertThat(compose.service("viewservice").setting("role")).isEqualTo("viewservice");
        for (String pb : List.of("pb-1", "pb-2", "pb-3")) {
            Service service = compose.service(pb);
            assertThat(service.image()).startsWith("ds/viewservice-service:");
            assertThat(service.setting("role")).isEqualTo("pbserver");
            assertThat(service.setting("node.self")).as(pb + " node.self").isEqualTo(service.baseUrl());
            assertThat(service.setting("viewservice.url")).isEqualTo(compose.service("viewservice").baseUrl());
        }
        assertThat(compose.service("mr-coordinator").setting("role")).isEqualTo("coordinator");
        for (String worker : List.of("mr-worker-1", "mr-worker-2")) {
            Service service = compose.service(worker);
            assertThat(service.setting("role")).isEqualTo("worker");
            assertThat(service.setting("node.self")).as(worker + " node.self").isEqualTo(service.baseUrl());
            assertThat(service.setting("mapreduce.coordinator")).isEqualTo(compose.service("mr-coordinator").baseUrl());
        }
    }

    @Test
    void imagesAreBuiltFromTheirModulesJarOnAConfigurableBase() {
        for (Service node : compose.nodes()) {
            String module = String.valueOf(Repo.at(node.raw(), "build", "args", "MODULE"));
            assertThat(node.image()).as(node.name()).startsWith("ds/" + module + ":");
            assertThat(Repo.path(module + "/pom.xml")).as(node.name() + " module").isRegularFile();
            assertThat(Repo.at(node.raw(), "build", "args", "BASE_IMAGE")).as(node.name())
                    .isEqualTo("eclipse-temurin:21-jre");
            assertThat(Repo.at(node.raw(), "build", "context")).as(node.name()).isEqualTo(".");
        }
        REPLICA_GROUPS.forEach((group, module) -> IntStream.range(0, 3).forEach(i ->
                assertThat(compose.service(group + "-" + i).image()).startsWith("ds/" + module + ":")));
    }

    @Test
    void everyReplicaGroupHasOnePeerListAndDistinctIndexes() {
        for (String group : REPLICA_GROUPS.keySet()) {
            List<Service> members = IntStream.range(0, 3).mapToObj(i -> compose.service(group + "-" + i)).toList();
            Set<String> peerLists = members.stream().map(s -> s.setting("node.peers")).collect(Collectors.toSet());
            assertThat(peerLists).as(group + ": node.peers, the same on every replica").hasSize(1);
            List<String> peers = Arrays.asList(peerLists.iterator().next().split(","));
            assertThat(peers).as(group + " node.peers").hasSize(members.size());
            Map<Integer, Service> byIndex = new LinkedHashMap<>();
            for (Service member : members) {
                int me = Integer.parseInt(member.setting("node.me"));
                assertThat(byIndex.put(me, member)).as(group + ": node.me=" + me + " twice").isNull();
            }
            assertThat(byIndex.keySet()).as(group + " node.me").containsExactlyInAnyOrder(0, 1, 2);
            byIndex.forEach((me, member) -> assertThat(peers.get(me))
                    .as(group + ": node.peers[" + me + "] is " + member.name() + " at its port")
                    .isEqualTo(member.baseUrl()));
        }
    }

    @Test
    void shardkvGroupsKnowTheirGidAndTheShardMasters() {
        String masters = compose.service("shardmaster-0").setting("node.peers");
        for (String gid : List.of("100", "101")) {
            for (int i = 0; i < 3; i++) {
                Service replica = compose.service("shardkv-" + gid + "-" + i);
                assertThat(replica.setting("shardkv.gid")).as(replica.name()).isEqualTo(gid);
                assertThat(replica.setting("shardkv.shardmasters")).as(replica.name()).isEqualTo(masters);
            }
        }
    }

    @Test
    void theJoinAddsBothGroupsWithTheirPeersThroughTheShardMasters() {
        Service join = compose.service("shardkv-join");
        String script = String.join("\n", join.command());
        Map<Integer, List<String>> joined = joinBodies(script);
        assertThat(joined).containsOnlyKeys(100, 101);
        joined.forEach((gid, servers) -> assertThat(String.join(",", servers)).as("join of gid " + gid)
                .isEqualTo(compose.service("shardkv-" + gid + "-0").setting("node.peers")));
        for (String master : SHARDMASTERS) {
            assertThat(script).contains(compose.service(master).baseUrl());
        }
        assertThat(script).contains("/api/shardmaster/join");
        assertThat(join.raw().get("restart")).isEqualTo("no");
    }

    /** The JSON bodies {"gid":G,"servers":[...]} in a join script, by gid. */
    static Map<Integer, List<String>> joinBodies(String script) {
        Map<Integer, List<String>> joined = new LinkedHashMap<>();
        Matcher body = Pattern.compile("'(\\{\"gid\".*?})'").matcher(script);
        JsonMapper json = JsonMapper.builder().build();
        while (body.find()) {
            JsonNode node = json.readTree(body.group(1));
            List<String> servers = new ArrayList<>();
            node.get("servers").forEach(s -> servers.add(s.asString()));
            joined.put(node.get("gid").asInt(), servers);
        }
        return joined;
    }

    @Test
    void everyNodeHasAnActuatorHealthcheckOnItsOwnPort() {
        assertThat(compose.nodes()).as("1 view service, 3 pb, 3 paxos-kv, 3 shard masters, 6 shardkv, 3 MapReduce").hasSize(19);
        for (Service node : compose.nodes()) {
            List<String> test = node.healthcheck();
            assertThat(test).as(node.name() + " healthcheck").hasSize(3);
            assertThat(test.subList(0, 2)).as(node.name()).containsExactly("CMD", "dshttp");
            assertThat(test.get(2)).as(node.name())
                    .isIn("http://127.0.0.1:" + node.port() + "/actuator/health",
                            "http://127.0.0.1:" + node.port() + "/actuator/health/readiness");
        }
        // Readiness where the node is ready as soon as it serves; never for pb (a backup is never ready).
        for (String ready : List.of("viewservice", "paxos-kv-0", "shardmaster-0", "mr-coordinator", "mr-worker-1")) {
            assertThat(compose.service(ready).healthcheck().get(2)).as(ready).endsWith("/actuator/health/readiness");
        }
        assertThat(compose.service("pb-1").healthcheck().get(2)).endsWith("/actuator/health");
    }

    @Test
    void everyNodeHasAMemoryLimitAboveItsHeapTheSecretAndChaos() {
        Set<String> secrets = new HashSet<>();
        for (Service node : compose.nodes()) {
            Map<String, String> env = node.environment();
            long limit = bytes(String.valueOf(node.raw().get("mem_limit")));
            Matcher xmx = Pattern.compile("-Xmx(\\d+[kmg])").matcher(env.getOrDefault("JAVA_TOOL_OPTIONS", ""));
            assertThat(xmx.find()).as(node.name() + ": -Xmx in JAVA_TOOL_OPTIONS").isTrue();
            assertThat(bytes(xmx.group(1))).as(node.name() + ": heap below mem_limit").isLessThanOrEqualTo(limit * 3 / 4);
            assertThat(env.get("CHAOS_ENABLED")).as(node.name()).isEqualTo("true");
            assertThat(env.get("CLUSTER_SECRET")).as(node.name()).isNotBlank();
            secrets.add(env.get("CLUSTER_SECRET"));
        }
        assertThat(secrets).as("one cluster secret for all").hasSize(1);
        assertThat(Repo.read("docker-compose.yml")).contains("CLUSTER_SECRET: ${CLUSTER_SECRET:-");
    }

    static long bytes(String size) {
        Matcher m = Pattern.compile("(\\d+)([kmg]?)b?", Pattern.CASE_INSENSITIVE).matcher(size.trim());
        if (!m.matches()) {
            return fail("not a size: " + size);
        }
        long unit = switch (m.group(2).toLowerCase()) {
            case "k" -> 1L << 10;
            case "m" -> 1L << 20;
            case "g" -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    @Test
    void durableNodesKeepTheirDataDirInTheirOwnNamedVolume() {
        Set<String> used = new HashSet<>();
        for (String group : REPLICA_GROUPS.keySet()) {
            for (int i = 0; i < 3; i++) {
                Service node = compose.service(group + "-" + i);
                String dataDir = node.setting("node.data-dir");
                assertThat(dataDir).as(node.name() + " node.data-dir").isNotBlank();
                List<String> mounts = node.volumes().stream().filter(v -> v.endsWith(":" + dataDir)).toList();
                assertThat(mounts).as(node.name() + ": a volume at " + dataDir).hasSize(1);
                String volume = mounts.get(0).split(":")[0];
                assertThat(compose.namedVolumes()).as(node.name() + ": named volume").contains(volume);
                assertThat(used.add(volume)).as(volume + " shared by two replicas").isTrue();
            }
        }
    }

    @Test
    void mapReduceNodesShareTheBooksReadOnlyAndOneOutputVolumeAndReadAndWriteOnlyThere() {
        Set<String> outputs = new HashSet<>();
        for (String name : MAPREDUCE) {
            List<String> volumes = compose.service(name).volumes();
            assertThat(volumes).as(name).contains("./deploy/docker/books:/books:ro");
            assertThat(compose.service(name).setting("mapreduce.input-roots")).as(name).isEqualTo("/books,/output");
            assertThat(compose.service(name).setting("mapreduce.output-roots")).as(name).isEqualTo("/output");
            outputs.addAll(volumes.stream().filter(v -> !v.contains("/books")).toList());
        }
        assertThat(outputs).as("one shared output volume").hasSize(1);
        assertThat(compose.namedVolumes()).contains(outputs.iterator().next().split(":")[0]);
        // The repository stands alone: the default books folder is in it, real books come through GUTENBERG_DIR.
        assertThat(Repo.read("docker-compose.yml")).contains("${GUTENBERG_DIR:-./deploy/docker/books}:/books:ro")
                .doesNotContain("../shared");
        assertThat(Repo.path("deploy/docker/books")).isDirectory();
    }

    @Test
    void sampleBooksAreWrittenToTheOutputVolumeBeforeTheCoordinatorStarts() {
        Service books = compose.service("mr-books");
        assertThat(books.image()).startsWith("ds/mapreduce-service:");
        assertThat(books.setting("role")).isEqualTo("generate");
        assertThat(books.setting("generate.output-dir")).isEqualTo("/output/books");
        assertThat(books.volumes()).containsExactlyElementsOf(
                compose.service("mr-coordinator").volumes().stream().filter(v -> v.endsWith(":/output")).toList());
        assertThat(compose.service("mr-coordinator").dependsOn()).containsEntry("mr-books", "service_completed_successfully");
    }

    @Test
    void runsOnEngine2010AndComposeV129() {
        // start_interval needs Engine 25; the rest of the file is in the Compose file format both read.
        assertThat(Repo.read("docker-compose.yml")).doesNotContain("start_interval");
        assertThat(Repo.read("Dockerfile")).as("COPY --chmod needs BuildKit").doesNotContainPattern("(?m)^COPY .*--chmod");
    }

    @Test
    void hostNetworkOverridePutsEveryServiceOnTheHostAndResolvesEveryNodeName() {
        Map<String, Object> override = Repo.map(Repo.yaml("deploy/docker/compose.host-network.yml").get("services"));
        assertThat(override.keySet()).containsExactlyInAnyOrderElementsOf(compose.services().keySet());
        for (Map.Entry<String, Object> service : override.entrySet()) {
            Map<String, Object> settings = Repo.map(service.getValue());
            assertThat(settings.get("network_mode")).as(service.getKey()).isEqualTo("host");
            List<String> hosts = Repo.list(settings.get("extra_hosts")).stream().map(String::valueOf).toList();
            for (Service node : compose.nodes()) {
                assertThat(hosts).as(service.getKey() + " resolves " + node.name()).contains(node.name() + ":127.0.0.1");
            }
        }
    }

    @Test
    void startOrderWaitsForHealthyDependencies() {
        for (String pb : List.of("pb-1", "pb-2", "pb-3")) {
            assertThat(compose.service(pb).dependsOn()).as(pb).containsEntry("viewservice", "service_healthy");
        }
        for (String worker : List.of("mr-worker-1", "mr-worker-2")) {
            assertThat(compose.service(worker).dependsOn()).as(worker).containsEntry("mr-coordinator", "service_healthy");
        }
        List<String> afterMasters = new ArrayList<>(List.of("shardkv-join"));
        List.of("100", "101").forEach(g -> IntStream.range(0, 3).forEach(i -> afterMasters.add("shardkv-" + g + "-" + i)));
        for (String name : afterMasters) {
            Map<String, String> dependsOn = compose.service(name).dependsOn();
            SHARDMASTERS.forEach(m -> assertThat(dependsOn).as(name).containsEntry(m, "service_healthy"));
            if (!name.equals("shardkv-join")) {
                // Also what lets `up --wait` accept the join's exit (docker/compose#9572).
                assertThat(dependsOn).as(name).containsEntry("shardkv-join", "service_completed_successfully");
            }
        }
        for (Service service : compose.services().values()) {
            service.dependsOn().forEach((target, condition) -> {
                assertThat(compose.services()).as(service.name() + " depends on").containsKey(target);
                if (condition.equals("service_healthy")) {
                    assertThat(compose.service(target).healthcheck()).as(target + " needs a healthcheck").isNotEmpty();
                }
            });
        }
    }

    @Test
    void portsArePublishedUnderTheirOwnNumberAndNeverTwice() {
        // In docker-compose.override.yml, which `up` loads by default; the host-network override replaces it.
        Map<String, Object> override = Repo.map(Repo.yaml("docker-compose.override.yml").get("services"));
        Set<Integer> ports = new HashSet<>();
        for (Service node : compose.nodes()) {
            assertThat(node.raw()).as(node.name() + ": ports only in the override").doesNotContainKey("ports");
            Object published = Repo.map(override.get(node.name())).get("ports");
            assertThat(published).as(node.name() + " ports").isNotNull();
            List<String> mappings = Repo.list(published).stream().map(String::valueOf).toList();
            assertThat(mappings).as(node.name()).containsExactly("${DS_BIND:-127.0.0.1}:" + node.port() + ":" + node.port());
            assertThat(ports.add(node.port())).as("port " + node.port() + " used twice").isTrue();
        }
    }

    @Test
    void monitoringImagesAreConfigurable() {
        String file = Repo.read("docker-compose.yml");
        assertThat(file).contains("image: ${PROMETHEUS_IMAGE:-prom/prometheus:", "image: ${GRAFANA_IMAGE:-grafana/grafana:");
        assertThat(compose.service("grafana").volumes())
                .contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
                        "./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        assertThat(compose.service("prometheus").volumes())
                .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }
}
