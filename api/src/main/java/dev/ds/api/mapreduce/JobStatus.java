package dev.ds.api.mapreduce;

import java.util.List;

/**
 * A job as the coordinator sees it (CONTRACT.md section 6).
 *
 * @param outputs the output files that are final: all {@code nReduce} of them once {@code SUCCEEDED}
 * @param error why the job failed, or null
 */
public record JobStatus(
        String id, String app, JobState state, Phase phase, Progress map, Progress reduce,
        List<TaskStatus> tasks, List<String> outputs, String error) {

    /** Whether the job has ended, either way. Not a bean getter, so that it stays out of the JSON. */
    public boolean ended() {
        return state != JobState.RUNNING;
    }
}
