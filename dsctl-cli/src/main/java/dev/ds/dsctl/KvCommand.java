package dev.ds.dsctl;

import dev.ds.client.kv.KvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code dsctl kv get|put|append} on any of the three stores. Writes carry this user's clientId and
 * the next seq from {@link ClientState}, so a write is applied at most once even across runs.
 */
@Command(name = "kv", mixinStandardHelpOptions = true,
        description = "Read and write a key/value store: pb (through the view service), paxos-kv, or shardkv "
                + "(routed by the shard master's configuration).")
final class KvCommand {

    /** The stores, for completion and validation. */
    static final class Stores implements Iterable<String> {
        static final List<String> ALL = List.of("pb", "paxos-kv", "shardkv");

        @Override
        public java.util.Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @ParentCommand
    Dsctl root;

    @Option(names = {"-s", "--store"}, scope = ScopeType.INHERIT, defaultValue = "paxos-kv",
            completionCandidates = Stores.class,
            description = "pb, paxos-kv or shardkv (default: ${DEFAULT-VALUE})")
    String store;

    @Command(name = "get", description = "Print the value of KEY; exit 3 when it has none.")
    int get(@Parameters(paramLabel = "KEY") String key) {
        try (KvClient client = client(null, 0)) {
            Optional<String> value = client.get(key);
            if (value.isEmpty()) {
                throw new ProblemException(ErrorCode.ErrNoKey, "key '" + key + "' has no value in " + store);
            }
            if (root.json()) {
                Table.json(root.out(), Map.of("key", key, "value", value.get()));
            } else {
                root.out().println(value.get());
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "put", description = "Set KEY to VALUE.")
    int put(@Parameters(paramLabel = "KEY") String key, @Parameters(paramLabel = "VALUE") String value) {
        return write("put", key, value, KvClient::put);
    }

    @Command(name = "append", description = "Append VALUE to the value of KEY (a put when KEY has none).")
    int append(@Parameters(paramLabel = "KEY") String key, @Parameters(paramLabel = "VALUE") String value) {
        return write("append", key, value, KvClient::append);
    }

    private int write(String what, String key, String value, Write call) {
        Map<String, Object> done = ClientState.fromEnvironment().write((clientId, lastSeq) -> {
            try (KvClient client = client(clientId, lastSeq)) {
                call.accept(client, key, value);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("key", key);
            answer.put("op", what);
            answer.put("clientId", clientId);
            answer.put("seq", lastSeq + 1);
            return answer;
        });
        if (root.json()) {
            Table.json(root.out(), done);
        } else {
            root.out().println("OK");
        }
        return ExitCodes.OK;
    }

    /** One write of a client, given the client. */
    @FunctionalInterface
    private interface Write {
        void accept(KvClient client, String key, String value);
    }

    private KvClient client(String clientId, long lastSeq) {
        Topology topology = root.topology();
        return switch (store) {
            case "pb" -> identity(root.configure(PbClient.builder()
                    .viewService(topology.urls("viewservice").get(0))), clientId, lastSeq).build();
            case "paxos-kv" -> identity(root.configure(PaxosKvClient.builder()
                    .replicas(topology.urls("paxos-kv"))), clientId, lastSeq).build();
            case "shardkv" -> identity(root.configure(ShardKvClient.builder()
                    .shardMasters(topology.urls("shardmaster"))), clientId, lastSeq).build();
            default -> throw new Dsctl.UsageException("--store: '" + store + "' is none of " + Stores.ALL);
        };
    }

    private static <B extends dev.ds.client.ClientBuilder<B, ?>> B identity(B builder, String clientId, long lastSeq) {
        return clientId == null ? builder : builder.clientId(clientId).lastSeq(lastSeq);
    }
}
