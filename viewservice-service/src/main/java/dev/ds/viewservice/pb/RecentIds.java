package dev.ds.viewservice.pb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request ids of the latest forwarded writes that had no client, so that a forward resent
 * after a lost reply is applied once. Bounded: a resend follows its original within seconds.
 */
final class RecentIds {

    private static final int CAPACITY = 10_000;

    private final Map<String, Boolean> ids = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Records {@code id}; false if it was already there. */
    synchronized boolean firstTime(String id) {
        return ids.put(id, Boolean.TRUE) == null;
    }

    synchronized void clear() {
        ids.clear();
    }
}
