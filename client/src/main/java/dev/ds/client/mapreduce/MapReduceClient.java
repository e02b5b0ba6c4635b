package dev.ds.client.mapreduce;

import dev.ds.api.mapreduce.JobId;
import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.api.mapreduce.WorkerInfo;
import dev.ds.client.ClientBuilder;
import dev.ds.client.NoReplyException;
import dev.ds.client.Retry;
import dev.ds.rpc.Empty;
import dev.ds.rpc.RpcClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The MapReduce coordinator's client: submit jobs, follow them, list workers (CONTRACT.md section 6).
 * A bad submission or an unknown job id arrives as a {@link dev.ds.rpc.ProblemException} with
 * {@code ErrBadRequest} or {@code ErrNotFound}.
 */
public final class MapReduceClient implements AutoCloseable {

    private final ClientBuilder.Transport transport;
    private final RpcClient rpc;
    private final String coordinator;
    private final Retry retry;

    private MapReduceClient(ClientBuilder.Transport transport, String coordinator, Retry retry) {
        this.transport = transport;
        this.rpc = transport.rpc();
        this.coordinator = coordinator;
        this.retry = retry;
    }

    public MapReduceClient(RpcClient rpc, String coordinator, Retry retry) {
        this(ClientBuilder.Transport.shared(rpc), coordinator, retry);
    }

    public MapReduceClient(RpcClient rpc, String coordinator) {
        this(rpc, coordinator, Retry.DEFAULT);
    }

    /** A client over its own HTTP transport with default timeouts; close it to release the transport. */
    public static MapReduceClient overHttp(String coordinatorUrl) {
        return builder().coordinator(coordinatorUrl).build();
    }

    /** A client of the coordinator at {@link Builder#coordinator}. */
    public static Builder builder() {
        return new Builder();
    }

    /** One submission attempt: empty when it got no answer, in which case the job may or may not be queued. */
    public Optional<JobStatus> trySubmit(JobRequest request) {
        return rpc.call(coordinator, MapReduceApi.SUBMIT, request);
    }

    /**
     * Submits a job, retrying until the coordinator answers. A submission has no id of its own, so a
     * lost answer followed by a retry can queue the job twice; both runs write the same outputs.
     */
    public JobStatus submit(JobRequest request) {
        return retry.until("job submission to " + coordinator, () -> trySubmit(request));
    }

    public JobStatus job(String id) {
        return retry.until("status of job " + id, () -> rpc.call(coordinator, MapReduceApi.JOB, new JobId(id)));
    }

    /** Every job, newest first. */
    public List<JobStatus> jobs() {
        return List.of(retry.until("jobs", () -> rpc.call(coordinator, MapReduceApi.JOBS, Empty.INSTANCE)));
    }

    public List<WorkerInfo> workers() {
        return List.of(retry.until("workers", () -> rpc.call(coordinator, MapReduceApi.WORKERS, Empty.INSTANCE)));
    }

    /**
     * Polls the job until it has ended ({@code SUCCEEDED} or {@code FAILED}) and returns its final
     * status; throws {@link NoReplyException} if it is still running at the deadline.
     */
    public JobStatus awaitDone(String id, Duration timeout, Duration pollInterval) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobStatus status = job(id);
            if (status.ended()) {
                return status;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new NoReplyException("job " + id + " still " + status.state() + " after " + timeout);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NoReplyException("interrupted while waiting for job " + id);
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Builds a {@link MapReduceClient}; {@link #coordinator} is required. */
    public static final class Builder extends ClientBuilder<Builder, MapReduceClient> {

        private String coordinator;

        private Builder() {
        }

        /** Base URL of the coordinator. */
        public Builder coordinator(String url) {
            this.coordinator = url;
            return this;
        }

        @Override
        public MapReduceClient build() {
            return new MapReduceClient(transport(), required("coordinator", coordinator), retry());
        }
    }
}
