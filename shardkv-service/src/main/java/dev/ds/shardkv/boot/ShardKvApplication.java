package dev.ds.shardkv.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The shardkv-service entry point. The protocol arrives with its issue; today the node serves only Actuator and OpenAPI. */
@SpringBootApplication
public class ShardKvApplication {

    public static void main(String[] args) {
        DsApplication.run(ShardKvApplication.class, args);
    }
}
