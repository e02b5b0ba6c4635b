package dev.ds.shardmaster.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * One replica of the shard master: {@code --node.peers=... --node.me=i --node.data-dir=DIR}. The
 * Paxos peer comes from the Paxos library's auto-configuration; this service adds the replicated
 * configuration list and the contract's shard master API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ShardMasterConfiguration.class)
public class ShardMasterApplication {

    public static void main(String[] args) {
        DsApplication.run(ShardMasterApplication.class, args);
    }
}
