package dev.ds.shardmaster.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The shardmaster-service entry point. The protocol arrives with its issue; today the node serves only Actuator and OpenAPI. */
@SpringBootApplication
public class ShardMasterApplication {

    public static void main(String[] args) {
        DsApplication.run(ShardMasterApplication.class, args);
    }
}
