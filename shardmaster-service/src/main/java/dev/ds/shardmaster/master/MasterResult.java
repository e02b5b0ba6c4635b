package dev.ds.shardmaster.master;

import dev.ds.api.shardmaster.Config;

/**
 * What applying a command answers: the configuration it made or asked for, or why it was refused.
 * A refusal is a result, not an exception, so every replica records the same answer for a retry.
 */
public record MasterResult(Config config, Refusal refusal, String detail) {

    public enum Refusal { BAD_REQUEST, NOT_FOUND }

    static MasterResult ok(Config config) {
        return new MasterResult(config, null, null);
    }

    static MasterResult refused(Refusal refusal, String detail) {
        return new MasterResult(null, refusal, detail);
    }

    public boolean isOk() {
        return refusal == null;
    }
}
