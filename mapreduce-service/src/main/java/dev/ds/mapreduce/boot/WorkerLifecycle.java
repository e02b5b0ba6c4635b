package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.worker.LocalPartitions;
import dev.ds.mapreduce.worker.Worker;
import org.springframework.context.SmartLifecycle;

/** Starts the worker loop with the node and stops it, deleting its map outputs, when the node stops. */
final class WorkerLifecycle implements SmartLifecycle {

    private final Worker worker;
    private final LocalPartitions partitions;
    private volatile boolean running;

    WorkerLifecycle(Worker worker, LocalPartitions partitions) {
        this.worker = worker;
        this.partitions = partitions;
    }

    @Override
    public void start() {
        worker.start();
        running = true;
    }

    @Override
    public void stop() {
        worker.close();
        partitions.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
