package dev.ds.mapreduce.boot;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.application.ReadinessStateHealthIndicator;

/**
 * A worker is ready only while the coordinator answers it: without the coordinator it gets no work.
 * Replaces Boot's readiness indicator, so {@code /actuator/health/readiness} says so.
 */
final class WorkerReadiness extends ReadinessStateHealthIndicator {

    private volatile boolean coordinatorReachable;

    WorkerReadiness(ApplicationAvailability availability) {
        super(availability);
    }

    void coordinatorReachable(boolean reachable) {
        coordinatorReachable = reachable;
    }

    @Override
    protected AvailabilityState getState(ApplicationAvailability availability) {
        return coordinatorReachable ? super.getState(availability) : ReadinessState.REFUSING_TRAFFIC;
    }
}
