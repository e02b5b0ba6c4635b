package dev.ds.client.spring;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ds.client.*}: where the stores are, and how the clients behave. A client bean exists for
 * each store whose nodes are given.
 *
 * @param retryDeadline how long a call retries before it throws {@code NoReplyException}
 * @param secret the cluster secret, sent as a bearer token (needed only for the chaos API)
 * @param pb {@code ds.client.pb.view-service}: the view service of the primary/backup store
 * @param paxosKv {@code ds.client.paxos-kv.replicas}
 * @param shardmaster {@code ds.client.shardmaster.replicas}; the sharded store's client routes through them
 * @param mapreduce {@code ds.client.mapreduce.coordinator}
 */
@ConfigurationProperties("ds.client")
public record DsClientProperties(@DefaultValue("10s") Duration retryDeadline, String secret, Pb pb, Group paxosKv,
        Group shardmaster, MapReduce mapreduce) {

    public DsClientProperties {
        if (retryDeadline.isNegative() || retryDeadline.isZero()) {
            throw new IllegalArgumentException("ds.client.retry-deadline must be positive, was " + retryDeadline);
        }
    }

    /** The primary/backup store, found through its view service. */
    public record Pb(String viewService) { }

    /** A Paxos-replicated group: the base URLs of its replicas. */
    public record Group(List<String> replicas) { }

    /** The MapReduce coordinator. */
    public record MapReduce(String coordinator) { }
}
