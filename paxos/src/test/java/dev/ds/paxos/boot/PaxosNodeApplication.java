package dev.ds.paxos.boot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest service that uses the library: nothing but its auto-configuration and spring-support's. */
@SpringBootConfiguration
@EnableAutoConfiguration
class PaxosNodeApplication {
}
