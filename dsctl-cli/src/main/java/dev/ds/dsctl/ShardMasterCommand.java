package dev.ds.dsctl;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dsctl shardmaster join|leave|move|query}: the shard master's four calls. */
@Command(name = "shardmaster", mixinStandardHelpOptions = true,
        description = "Join, leave and move replica groups, and read configurations.")
final class ShardMasterCommand {

    @ParentCommand
    Dsctl root;

    @Command(name = "join", description = "Join replica group GID with its SERVERS (default: the topology's "
            + "shardkv nodes of that gid); shards are rebalanced.")
    int join(@Parameters(paramLabel = "GID") long gid,
            @Parameters(paramLabel = "SERVER", arity = "0..*", description = "base URLs or node names") List<String> servers) {
        List<String> urls = new ArrayList<>();
        if (servers == null || servers.isEmpty()) {
            root.topology().withRole("shardkv").stream().filter(n -> Long.valueOf(gid).equals(n.gid()))
                    .forEach(n -> urls.add(n.url()));
            if (urls.isEmpty()) {
                throw new Dsctl.UsageException("join " + gid + ": name its servers; the topology has no shardkv "
                        + "node of gid " + gid);
            }
        } else {
            servers.forEach(s -> urls.add(root.topology().node(s).url()));
        }
        return change(client -> client.join(gid, urls));
    }

    @Command(name = "leave", description = "Remove replica group GID; its shards go to the others.")
    int leave(@Parameters(paramLabel = "GID") long gid) {
        return change(client -> client.leave(gid));
    }

    @Command(name = "move", description = "Give SHARD to replica group GID.")
    int move(@Parameters(paramLabel = "SHARD") int shard, @Parameters(paramLabel = "GID") long gid) {
        return change(client -> client.move(shard, gid));
    }

    @Command(name = "query", description = "Print configuration NUM (default: the latest).")
    int query(@Parameters(paramLabel = "NUM", arity = "0..1") Long num) {
        Config config;
        try (ShardMasterClient client = client(null, 0)) {
            config = num == null ? client.latest() : client.query(num).orElseThrow(() ->
                    new ProblemException(ErrorCode.ErrNotFound, "configuration " + num + " does not exist yet"));
        }
        print(config);
        return ExitCodes.OK;
    }

    /** One Join, Leave or Move with this user's at-most-once identity, then the configuration it made. */
    private int change(Consumer<ShardMasterClient> call) {
        Config latest = ClientState.fromEnvironment().write((clientId, lastSeq) -> {
            try (ShardMasterClient client = client(clientId, lastSeq)) {
                call.accept(client);
                return client.latest();
            }
        });
        print(latest);
        return ExitCodes.OK;
    }

    private void print(Config config) {
        if (root.json()) {
            Table.json(root.out(), config);
            return;
        }
        Map<Long, List<Integer>> shardsOf = new TreeMap<>();
        config.groups().keySet().forEach(gid -> shardsOf.put(gid, new ArrayList<>()));
        for (int shard = 0; shard < config.nShards(); shard++) {
            shardsOf.computeIfAbsent(config.owner(shard), g -> new ArrayList<>()).add(shard);
        }
        root.out().println("configuration " + config.num());
        Table table = new Table("GID", "SHARDS", "SERVERS");
        shardsOf.forEach((gid, shards) -> table.row(gid == 0 ? "0 (unassigned)" : gid, shards.isEmpty() ? "-"
                : join(shards.stream().map(String::valueOf).toList()),
                join(config.groups().getOrDefault(gid, List.of()).stream().map(root.topology()::nameOf).toList())));
        table.print(root.out());
    }

    private static String join(List<String> parts) {
        return parts.isEmpty() ? "-" : String.join(",", parts);
    }

    private ShardMasterClient client(String clientId, long lastSeq) {
        ShardMasterClient.Builder builder = root.configure(ShardMasterClient.builder()
                .replicas(root.topology().urls("shardmaster")));
        return (clientId == null ? builder : builder.clientId(clientId).lastSeq(lastSeq)).build();
    }
}
