package dev.ds.api.mapreduce;

import java.util.List;

/**
 * One attempt at a task, handed to a worker.
 *
 * @param attempt the attempt's id, unique within the coordinator; it names the map output and the
 *     attempt in heartbeats and reports
 * @param split for a map task, its input
 * @param mapOutputs for a reduce task, where every map task's output is
 * @param outputFile for a reduce task, the temporary file it writes; the coordinator renames the
 *     winning attempt's file into place
 */
public record TaskAssignment(
        String job, TaskKind kind, int index, long attempt, String app, int nReduce,
        Split split, List<MapOutput> mapOutputs, String outputFile) {

    public TaskAssignment {
        mapOutputs = mapOutputs == null ? List.of() : List.copyOf(mapOutputs);
    }
}
