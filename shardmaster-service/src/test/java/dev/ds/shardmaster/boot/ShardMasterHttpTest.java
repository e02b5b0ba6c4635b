package dev.ds.shardmaster.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.shardmaster.Config;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.testkit.Seeds;
import dev.ds.testkit.cluster.Await;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Three shard master replicas as users run them (real Spring contexts, Paxos over HTTP, a data dir
 * each), one of them cut off through the chaos API: the majority goes on changing configurations,
 * the cut-off replica refuses to answer from its stale list, and once healed it answers the latest
 * configuration and the same history as the others.
 */
class ShardMasterHttpTest {

    /** {@code shardmaster.shards} by default. */
    static final int N_SHARDS = 10;

    /** In-JVM replicas: a Spring context each. */
    static final HttpGroup.Launcher CONTEXTS = args ->
            new SpringApplicationBuilder(ShardMasterApplication.class).run(args.toArray(String[]::new));

    @TempDir
    Path dataDirs;

    @Test
    void aCutOffReplicaTimesOutInsteadOfAnsweringStaleAndCatchesUpWhenHealed() throws Exception {
        Random random = new Random(Seeds.seed("shardmaster-http-partition"));
        try (HttpGroup group = new HttpGroup(3, dataDirs, "--chaos.enabled=true", "--shardmaster.op-timeout=1s")) {
            group.start(CONTEXTS);
            ShardMasterClient ck = group.client("ck");
            ck.join(1, servers(1));
            ck.join(2, servers(2));
            assertThat(ck.latest().groups()).containsOnlyKeys(1L, 2L);
            // The replica to be cut off has applied the joins: what it holds is the stale list.
            assertThat(awaitAnswer(group, 2, -1).config().groups()).containsOnlyKeys(1L, 2L);

            group.isolate(2);
            ck.join(3, servers(3));
            ck.leave(1);
            // A client that tries the cut-off replica first times out there and moves on with the same
            // clientId/seq; should its abandoned proposal be decided after the heal, it must not apply
            // again and undo the later move of the same shard.
            int shard = random.nextInt(N_SHARDS);
            group.client("around", 2, 0, 1).move(shard, 3);
            ck.join(4, servers(4));
            ck.move(shard, 2);
            Config latest = group.client("majority", 0, 1).latest();
            assertThat(latest.groups()).containsOnlyKeys(2L, 3L, 4L);
            assertThat(latest.owner(shard)).isEqualTo(2L);

            HttpGroup.Answer cutOff = group.config(2, -1);
            assertThat(cutOff.status()).as("the cut-off replica's answer: %s", cutOff).isEqualTo(503);
            assertThat(cutOff.body()).contains("ErrTimeout");

            group.heal();
            HttpGroup.Answer healed = awaitAnswer(group, 2, -1);
            assertThat(healed.status()).as("the healed replica's answer: %s", healed).isEqualTo(200);
            assertThat(healed.config()).as("the latest configuration at the healed replica").isEqualTo(latest);
            for (long num = 0; num <= latest.num(); num++) {
                Config first = awaitAnswer(group, 0, num).config();
                for (int replica = 1; replica < 3; replica++) {
                    assertThat(awaitAnswer(group, replica, num).config())
                            .as("configuration %d at replica %d", num, replica).isEqualTo(first);
                }
            }
        }
    }

    /**
     * The first answer of {@code replica} other than "no decision in time": a replica that has just
     * come back may need more than one operation timeout to catch up.
     */
    static HttpGroup.Answer awaitAnswer(HttpGroup group, int replica, long num) {
        HttpGroup.Answer[] answer = new HttpGroup.Answer[1];
        Await.until("an answer from replica " + replica, HttpGroup.DEADLINE, () -> {
            answer[0] = group.config(replica, num);
            return answer[0].status() != 503 && answer[0].status() != 0;
        });
        return answer[0];
    }

    static List<String> servers(long gid) {
        return List.of("g" + gid + "-a:9000", "g" + gid + "-b:9000", "g" + gid + "-c:9000");
    }
}
