package dev.ds.api.mapreduce;

import dev.ds.rpc.Empty;
import dev.ds.rpc.Endpoint;
import dev.ds.rpc.Verb;

/**
 * The MapReduce endpoints: the job API of CONTRACT.md section 6 for users, and the coordinator's
 * internal API for workers. A worker's map outputs travel as raw bytes, not JSON, so they have a
 * path ({@link #partitionPath}) rather than an {@link Endpoint}.
 */
public final class MapReduceApi {

    public static final Endpoint<JobRequest, JobStatus> SUBMIT =
            Endpoint.post("mapreduce.submit", "/api/jobs", JobRequest.class, JobStatus.class);

    public static final Endpoint<JobId, JobStatus> JOB = Endpoint.of(
            "mapreduce.job", Verb.GET, "/api/jobs/{id}", JobId.class, JobStatus.class,
            q -> "/api/jobs/" + Endpoint.segment(q.id()));

    public static final Endpoint<Empty, JobStatus[]> JOBS =
            Endpoint.get("mapreduce.jobs", "/api/jobs", JobStatus[].class);

    public static final Endpoint<Empty, WorkerInfo[]> WORKERS =
            Endpoint.get("mapreduce.workers", "/api/workers", WorkerInfo[].class);

    public static final Endpoint<NextTaskRequest, NextTaskReply> NEXT_TASK = Endpoint.post(
            "mapreduce.next-task", "/internal/mapreduce/tasks/next", NextTaskRequest.class, NextTaskReply.class);

    public static final Endpoint<Heartbeat, HeartbeatReply> HEARTBEAT = Endpoint.post(
            "mapreduce.heartbeat", "/internal/mapreduce/heartbeat", Heartbeat.class, HeartbeatReply.class);

    public static final Endpoint<TaskReport, ReportReply> REPORT = Endpoint.post(
            "mapreduce.report", "/internal/mapreduce/tasks/report", TaskReport.class, ReportReply.class);

    /** Served by workers: {@code GET} answers one partition of one map attempt's output as bytes. */
    public static final String PARTITION_PATH = "/internal/mapreduce/partitions/{job}/{attempt}/{reduce}";

    private MapReduceApi() {
    }

    /** The path of partition {@code reduce} of map attempt {@code attempt} of {@code job}. */
    public static String partitionPath(String job, long attempt, int reduce) {
        return "/internal/mapreduce/partitions/" + Endpoint.segment(job) + "/" + attempt + "/" + reduce;
    }
}
