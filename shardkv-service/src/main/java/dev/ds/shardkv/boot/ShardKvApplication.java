package dev.ds.shardkv.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * One replica of shardkv group G: {@code --node.peers=... --node.me=i --shardkv.gid=G
 * --shardkv.shardmasters=URL,URL,URL --node.data-dir=DIR}. The Paxos peer comes from the Paxos
 * library's auto-configuration; this service adds the group's state machine, the migrator, the
 * contract's key/value API and the internal shard transfer endpoints.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ShardKvConfiguration.class)
public class ShardKvApplication {

    public static void main(String[] args) {
        DsApplication.run(ShardKvApplication.class, args);
    }
}
