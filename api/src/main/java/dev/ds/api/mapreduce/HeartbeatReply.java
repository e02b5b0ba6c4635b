package dev.ds.api.mapreduce;

import java.util.List;

/**
 * @param abort attempts the worker should stop: another attempt won, the lease expired, or the job ended
 * @param activeJobs the jobs still running; the worker may delete the map outputs of any other job
 */
public record HeartbeatReply(List<Long> abort, List<String> activeJobs) {

    public HeartbeatReply {
        abort = abort == null ? List.of() : List.copyOf(abort);
        activeJobs = activeJobs == null ? List.of() : List.copyOf(activeJobs);
    }
}
