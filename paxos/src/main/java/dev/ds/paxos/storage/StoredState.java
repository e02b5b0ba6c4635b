package dev.ds.paxos.storage;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/** Everything a peer's storage holds, read once when the peer opens. */
public record StoredState(PeerMeta meta, NavigableMap<Long, InstanceRecord> instances) {

    public StoredState {
        instances = Collections.unmodifiableNavigableMap(new TreeMap<>(instances));
    }

    public boolean isEmpty() {
        return meta.standing() == Standing.EMPTY && instances.isEmpty();
    }
}
