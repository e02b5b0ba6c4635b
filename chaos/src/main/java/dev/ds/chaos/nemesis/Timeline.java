package dev.ds.chaos.nemesis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Every fault the nemesis injected, with when it began and when it was healed (nanoseconds since the run began). */
public final class Timeline {

    /** One fault. {@code end} is -1 while it lasts. */
    public record Fault(int number, FaultKind kind, String store, String description, long start, long end) {
    }

    private final LongSupplier clock;
    private final List<Fault> faults = new ArrayList<>();

    public Timeline(LongSupplier clock) {
        this.clock = clock;
    }

    public synchronized int begin(FaultKind kind, String store, String description) {
        int number = faults.size();
        faults.add(new Fault(number, kind, store, description, clock.getAsLong(), -1));
        return number;
    }

    public synchronized void end(int number) {
        Fault fault = faults.get(number);
        faults.set(number, new Fault(number, fault.kind(), fault.store(), fault.description(), fault.start(),
                clock.getAsLong()));
    }

    public synchronized List<Fault> faults() {
        return List.copyOf(faults);
    }

    public synchronized Map<FaultKind, Integer> countByKind() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        faults.forEach(fault -> counts.merge(fault.kind(), 1, Integer::sum));
        return counts;
    }
}
