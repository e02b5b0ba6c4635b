package dev.ds.paxoskv.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Switches that exist only so that tests can plant a bug; never set them on a real node.
 *
 * @param unsafeLocalReads {@code paxoskv.test.unsafe-local-reads} (default false): TEST ONLY. A GET
 *     is answered from this replica's local state without going through the Paxos log, so it can
 *     return stale data. The chaos runner's own test turns it on to prove the runner catches it.
 */
@ConfigurationProperties("paxoskv.test")
record TestOnlySettings(@DefaultValue("false") boolean unsafeLocalReads) {
}
