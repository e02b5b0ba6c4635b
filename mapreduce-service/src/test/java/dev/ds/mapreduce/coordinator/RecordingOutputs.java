package dev.ds.mapreduce.coordinator;

import dev.ds.rpc.ProblemException;
import java.util.ArrayList;
import java.util.List;

/** Outputs that only record what the coordinator asked for; a commit fails on demand. */
final class RecordingOutputs implements Outputs {

    final List<String> commits = new ArrayList<>();
    final List<String> cleanedUp = new ArrayList<>();
    boolean failCommits;

    @Override
    public String prepare(String outputDir, String job) {
        if (outputDir.startsWith("/forbidden")) {
            throw ProblemException.badRequest("outputDir: cannot create " + outputDir);
        }
        return outputDir;
    }

    @Override
    public String temporary(String outputDir, String job, int reduce, long attempt) {
        return outputDir + "/_temporary/" + job + "/mr-out-" + reduce + ".attempt-" + attempt;
    }

    @Override
    public String output(String outputDir, int reduce) {
        return outputDir + "/mr-out-" + reduce;
    }

    @Override
    public boolean commit(String temporary, String output) {
        if (failCommits) {
            return false;
        }
        commits.add(temporary + " -> " + output);
        return true;
    }

    @Override
    public void cleanUp(String outputDir, String job) {
        cleanedUp.add(job);
    }
}
