package dev.ds.api.mapreduce;

import java.util.List;

/**
 * A job submission: run {@code app} over {@code inputs} with {@code nReduce} reduce tasks and write
 * {@code outputDir/mr-out-<r>}. The record checks what it can see alone; whether the app exists and
 * the inputs are readable is the coordinator's check at submission.
 *
 * @param app the app's name ({@code wordcount}, {@code indexer}, or a user app on the class path)
 * @param inputs the input files, as paths the coordinator and every worker can read
 * @param nReduce the number of reduce tasks and output files, at least 1
 * @param outputDir the folder that receives the output files
 */
public record JobRequest(String app, List<String> inputs, Integer nReduce, String outputDir) {

    public JobRequest {
        if (app == null || app.isBlank()) {
            throw new IllegalArgumentException("app: must be given (wordcount, indexer or a user app's name)");
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: must list at least one input file");
        }
        if (inputs.stream().anyMatch(path -> path == null || path.isBlank())) {
            throw new IllegalArgumentException("inputs: must not contain an empty path");
        }
        if (nReduce == null) {
            throw new IllegalArgumentException("nReduce: must be given (the number of reduce tasks)");
        }
        if (nReduce < 1) {
            throw new IllegalArgumentException("nReduce: must be at least 1, was " + nReduce);
        }
        if (outputDir == null || outputDir.isBlank()) {
            throw new IllegalArgumentException("outputDir: must be given (the folder for mr-out-<r>)");
        }
        inputs = List.copyOf(inputs);
    }
}
