package dev.ds.paxoskv.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The paxos-kv-service entry point. The protocol arrives with its issue; today the node serves only Actuator and OpenAPI. */
@SpringBootApplication
public class PaxosKvApplication {

    public static void main(String[] args) {
        DsApplication.run(PaxosKvApplication.class, args);
    }
}
