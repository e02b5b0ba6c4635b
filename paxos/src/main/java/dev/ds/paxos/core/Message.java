package dev.ds.paxos.core;

import java.util.Locale;

/** The kinds of peer-to-peer calls, as metrics and logs name them. */
public enum Message {
    PREPARE, ACCEPT, DECIDED, REJOIN;

    /** The lower-case name used as a metric tag. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
