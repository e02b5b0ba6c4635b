package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.worker.Worker;
import dev.ds.mapreduce.worker.WorkerCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Bytes read, shuffled and written, and this worker's task outcomes. */
final class WorkerMetrics implements MeterBinder {

    private final Worker worker;

    WorkerMetrics(Worker worker) {
        this.worker = worker;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        WorkerCounters counters = worker.counters();
        FunctionCounter.builder("mapreduce.bytes.read", counters, WorkerCounters::bytesRead)
                .description("Input bytes read by map tasks").baseUnit("bytes").register(registry);
        FunctionCounter.builder("mapreduce.bytes.shuffled", counters, WorkerCounters::bytesShuffled)
                .description("Map output bytes fetched by reduce tasks").baseUnit("bytes").register(registry);
        FunctionCounter.builder("mapreduce.bytes.written", counters, WorkerCounters::bytesWritten)
                .description("Map partitions and reduce outputs written").baseUnit("bytes").register(registry);
        FunctionCounter.builder("mapreduce.worker.tasks", counters, WorkerCounters::tasksCompleted)
                .description("Attempts this worker ran, by outcome").tag("outcome", "completed").register(registry);
        FunctionCounter.builder("mapreduce.worker.tasks", counters, WorkerCounters::tasksFailed)
                .tag("outcome", "failed").register(registry);
        FunctionCounter.builder("mapreduce.worker.tasks", counters, WorkerCounters::tasksAborted)
                .tag("outcome", "aborted").register(registry);
    }
}
