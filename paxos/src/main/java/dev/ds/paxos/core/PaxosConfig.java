package dev.ds.paxos.core;

import java.util.Objects;

/**
 * One peer's place in its group and its policies.
 *
 * @param me this peer's index
 * @param peers how many peers the group has, this one included
 */
public record PaxosConfig(int me, int peers, Bootstrap bootstrap, RetryPolicy retry) {

    public PaxosConfig {
        if (peers < 1 || me < 0 || me >= peers) {
            throw new IllegalArgumentException("me must be an index in 0.." + (peers - 1) + ", was " + me);
        }
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(retry, "retry");
    }

    public static PaxosConfig of(int me, int peers, Bootstrap bootstrap) {
        return new PaxosConfig(me, peers, bootstrap, RetryPolicy.DEFAULT);
    }
}
