package dev.ds.chaos.node;

import dev.ds.testkit.http.LocalHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the nodes of a run: each one a free port (testkit's {@link LocalHttp#freePort}, 15000-32000),
 * an address on the {@link Network}, a data dir and a log file under the run's folder.
 */
public final class Nodes {

    private final Path repository;
    private final Path runDir;
    private final Network network;
    private final List<NodeProcess> all = new ArrayList<>();

    public Nodes(Path repository, Path runDir, Network network) {
        this.repository = repository;
        this.runDir = runDir;
        this.network = network;
    }

    /** A node of {@code module}; {@code durable} ones get a data dir. */
    public synchronized NodeProcess create(String name, String module, int port, List<String> args, boolean durable) {
        int index = all.size();
        NodeProcess node = new NodeProcess(name, jar(module), network.host(index), port, args,
                durable ? runDir.resolve("data").resolve(name) : null, runDir.resolve("logs").resolve(name + ".log"),
                network.launcher(index));
        all.add(node);
        return node;
    }

    /** The base URL node number {@code all().size() + offset} will have on {@code port}: for peer lists. */
    public synchronized String futureUrl(int offset, int port) {
        return "http://" + network.host(all.size() + offset) + ":" + port;
    }

    /** The ports and base URLs of the next {@code size} nodes, for a replica group's {@code node.peers}. */
    public record Group(List<Integer> ports, List<String> urls) {

        public String peers() {
            return String.join(",", urls);
        }
    }

    /** Reserves free ports for the next {@code size} nodes created and answers the URLs they will have. */
    public synchronized Group group(int size) {
        List<Integer> ports = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int port = port();
            ports.add(port);
            urls.add(futureUrl(i, port));
        }
        return new Group(List.copyOf(ports), List.copyOf(urls));
    }

    public static int port() {
        return LocalHttp.freePort();
    }

    public Path jar(String module) {
        return repository.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public synchronized List<NodeProcess> all() {
        return List.copyOf(all);
    }

    public Network network() {
        return network;
    }
}
