package dev.ds.paxoskv.boot;

import dev.ds.spring.boot.DsApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * One replica of the Paxos key/value store: {@code --node.peers=... --node.me=i --node.data-dir=DIR}.
 * The Paxos peer comes from the Paxos library's auto-configuration; this service adds the
 * replicated key/value state machine and the contract's key/value API.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PaxosKvConfiguration.class)
public class PaxosKvApplication {

    public static void main(String[] args) {
        DsApplication.run(PaxosKvApplication.class, args);
    }
}
