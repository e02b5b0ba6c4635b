package dev.ds.client.spring;

import dev.ds.client.ClientBuilder;
import dev.ds.client.mapreduce.MapReduceClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.client.shardkv.ShardKvClient;
import dev.ds.client.shardmaster.ShardMasterClient;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.http.HttpSettings;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The clients as beans, one per store named in {@code ds.client.*}. Each bean owns its HTTP
 * transport and is closed with the context (the clients are {@code AutoCloseable}), which releases
 * its connections and threads. An application's own bean of the same type wins.
 */
@AutoConfiguration
@EnableConfigurationProperties(DsClientProperties.class)
public class DsClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.pb.view-service")
    PbClient pbClient(DsClientProperties properties) {
        return configure(PbClient.builder().viewService(properties.pb().viewService()), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.pb.view-service")
    ViewServiceClient viewServiceClient(DsClientProperties properties) {
        return configure(ViewServiceClient.builder().viewService(properties.pb().viewService()), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.paxos-kv.replicas")
    PaxosKvClient paxosKvClient(DsClientProperties properties) {
        return configure(PaxosKvClient.builder().replicas(properties.paxosKv().replicas()), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.shardmaster.replicas")
    ShardMasterClient shardMasterClient(DsClientProperties properties) {
        return configure(ShardMasterClient.builder().replicas(properties.shardmaster().replicas()), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.shardmaster.replicas")
    ShardKvClient shardKvClient(DsClientProperties properties) {
        return configure(ShardKvClient.builder().shardMasters(properties.shardmaster().replicas()), properties).build();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty("ds.client.mapreduce.coordinator")
    MapReduceClient mapReduceClient(DsClientProperties properties) {
        return configure(MapReduceClient.builder().coordinator(properties.mapreduce().coordinator()), properties).build();
    }

    private static <B extends ClientBuilder<B, C>, C> B configure(B builder, DsClientProperties properties) {
        return builder.retryDeadline(properties.retryDeadline())
                .httpSettings(HttpSettings.DEFAULTS.withBearerToken(properties.secret()));
    }
}
