package dev.ds.dsctl;

import dev.ds.mapreduce.boot.MapReduceApplication;
import dev.ds.paxoskv.boot.PaxosKvApplication;
import dev.ds.shardkv.boot.ShardKvApplication;
import dev.ds.shardmaster.boot.ShardMasterApplication;
import dev.ds.testkit.http.LocalHttp;
import dev.ds.viewservice.boot.ViewServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small whole system in this JVM, every node on a free port of 127.0.0.1 with the chaos API on:
 * a view service and two pb servers, three paxos-kv replicas, one shard master, two one-replica
 * shardkv groups (100 and 101, not joined), a MapReduce coordinator and one worker. It writes the
 * topology file that {@code scripts/run-local.sh} writes, so dsctl finds every node by name.
 */
final class LocalTopology implements AutoCloseable {

    private static LocalTopology shared;

    private final Path dir;
    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final List<String> entries = new ArrayList<>();

    LocalTopology(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("mr"));
        List<String> ports = LocalHttp.baseUrls(LocalHttp.freePorts(11));
        List<String> kv = ports.subList(3, 6);
        for (int i = 0; i < 3; i++) {
            start("paxos-kv-" + i, "paxos-kv", null, kv.get(i), PaxosKvApplication.class, group(kv, i, "paxos-kv-" + i));
        }
        String master = ports.get(6);
        start("shardmaster-0", "shardmaster", null, master, ShardMasterApplication.class,
                group(List.of(master), 0, "shardmaster-0"));
        for (int g = 0; g < 2; g++) {
            long gid = 100 + g;
            String url = ports.get(7 + g);
            List<String> args = new ArrayList<>(List.of(group(List.of(url), 0, "shardkv-" + gid)));
            args.addAll(List.of("--shardkv.gid=" + gid, "--shardkv.shardmasters=" + master,
                    "--shardkv.poll-interval=50ms"));
            start("shardkv-" + gid + "-0", "shardkv", gid, url, ShardKvApplication.class, args.toArray(String[]::new));
        }
        String roots = "--mapreduce.input-roots=" + dir.resolve("mr");
        String outRoots = "--mapreduce.output-roots=" + dir.resolve("mr");
        String coordinator = ports.get(9);
        start("mr-coordinator", "coordinator", null, coordinator, MapReduceApplication.class, "--role=coordinator",
                "--paxos.enabled=false", roots, outRoots);
        start("mr-worker-0", "worker", null, ports.get(10), MapReduceApplication.class, "--role=worker",
                "--paxos.enabled=false", "--node.self=" + ports.get(10), "--mapreduce.coordinator=" + coordinator,
                roots, outRoots);
        // The pb servers start last, on a quieter machine: a view formed while a dozen nodes start can
        // declare a slow server dead, and a backup promoted before it held the state never serves (6.824).
        String viewservice = ports.get(0);
        start("viewservice", "viewservice", null, viewservice, ViewServiceApplication.class,
                "--role=viewservice", "--paxos.enabled=false", "--viewservice.dead-pings=30");
        for (int i = 0; i < 2; i++) {
            start("pb-" + i, "pbserver", null, ports.get(1 + i), ViewServiceApplication.class, "--role=pbserver",
                    "--paxos.enabled=false", "--node.self=" + ports.get(1 + i), "--viewservice.url=" + viewservice);
        }
        Files.writeString(topologyFile(), "{\"nodes\": [\n" + String.join(",\n", entries) + "\n]}\n");
    }

    /**
     * One system for every test class of this JVM, started on first use and stopped when the JVM
     * exits: starting a dozen nodes on a loaded machine takes a minute. Each test heals what it breaks.
     */
    static synchronized LocalTopology shared() throws IOException {
        if (shared == null) {
            Path dir = Files.createTempDirectory("dsctl-cluster");
            shared = new LocalTopology(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-topology-stop"));
        }
        return shared;
    }

    Path topologyFile() {
        return dir.resolve("topology.json");
    }

    /** Where MapReduce jobs may read and write. */
    Path mapReduceRoot() {
        return dir.resolve("mr");
    }

    String url(String name) {
        return urls.get(name);
    }

    private String[] group(List<String> peers, int me, String dataDir) {
        return new String[] {"--node.peers=" + String.join(",", peers), "--node.me=" + me,
                "--node.data-dir=" + dir.resolve(dataDir)};
    }

    private void start(String name, String role, Long gid, String url, Class<?> application, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server.port=" + url.substring(url.lastIndexOf(':') + 1), "--server.address=127.0.0.1",
                "--chaos.enabled=true", "--logging.level.root=WARN"));
        contexts.add(new SpringApplicationBuilder(application).run(all.toArray(String[]::new)));
        urls.put(name, url);
        entries.add("  {\"name\": \"" + name + "\", \"role\": \"" + role + "\", \"url\": \"" + url + "\""
                + (gid == null ? "" : ", \"gid\": " + gid) + "}");
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
