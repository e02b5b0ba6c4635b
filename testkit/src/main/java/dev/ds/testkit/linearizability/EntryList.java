package dev.ds.testkit.linearizability;

import dev.ds.testkit.history.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The doubly-linked list of call and return entries that the Wing &amp; Gong search walks. Linearizing an operation
 * lifts its two entries out of the list; backtracking puts them back. Because lifts are undone in the reverse order,
 * each removed entry still points at the neighbours it had when it was removed, so both take constant time
 * (Knuth's "dancing links").
 */
final class EntryList {

    /** One call or return of an operation. */
    static final class Entry {
        final int op;
        final long time;
        final boolean isCall;
        Entry match;
        Entry prev;
        Entry next;

        Entry(int op, long time, boolean isCall) {
            this.op = op;
            this.time = time;
            this.isCall = isCall;
        }
    }

    /**
     * Entries are ordered by time, and a call before a return at the same time: operations whose intervals merely touch
     * are then treated as concurrent, because a clock cannot tell which of two events with the same timestamp came
     * first. Erring towards concurrency can hide a violation but never reports a false one.
     */
    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.time)
            .thenComparing(e -> !e.isCall)
            .thenComparingInt(e -> e.op);

    private final Entry head = new Entry(-1, Long.MIN_VALUE, false);

    EntryList(List<? extends Event<?, ?>> ops) {
        List<Entry> entries = new ArrayList<>(2 * ops.size());
        for (int i = 0; i < ops.size(); i++) {
            Event<?, ?> op = ops.get(i);
            if (op.ret() < op.call()) {
                throw new IllegalArgumentException("operation returns before its call: " + op);
            }
            Entry call = new Entry(i, op.call(), true);
            Entry ret = new Entry(i, op.ret(), false);
            call.match = ret;
            entries.add(call);
            entries.add(ret);
        }
        entries.sort(ORDER);
        Entry last = head;
        for (Entry e : entries) {
            last.next = e;
            e.prev = last;
            last = e;
        }
    }

    /** The first entry still in the list, or null when it is empty. */
    Entry first() {
        return head.next;
    }

    /** Removes a call entry and its return entry. */
    static void lift(Entry call) {
        unlink(call);
        unlink(call.match);
    }

    /** Undoes the {@link #lift} of {@code call}, which must be the latest lift not yet undone. */
    static void unlift(Entry call) {
        relink(call.match);
        relink(call);
    }

    private static void unlink(Entry e) {
        e.prev.next = e.next;
        if (e.next != null) {
            e.next.prev = e.prev;
        }
    }

    private static void relink(Entry e) {
        e.prev.next = e;
        if (e.next != null) {
            e.next.prev = e;
        }
    }
}
