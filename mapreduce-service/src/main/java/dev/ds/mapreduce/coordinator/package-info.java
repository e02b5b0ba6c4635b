/**
 * The coordinator core (the paper's master): jobs, tasks, attempts with progress leases, the worker
 * registry, re-execution and backup attempts. A plain state machine: messages and ticks in,
 * decisions out, files only through the {@link dev.ds.mapreduce.coordinator.Outputs} port. See
 * {@link dev.ds.mapreduce.coordinator.Coordinator} for its rules.
 */
package dev.ds.mapreduce.coordinator;
