package dev.ds.mapreduce.coordinator;

/**
 * The coordinator's port to the shared file system where outputs go. Reduce attempts write
 * temporary files; the coordinator commits the winner's by renaming it, so a final output appears
 * once, complete, and is never touched again.
 */
public interface Outputs {

    /**
     * Makes {@code outputDir} ready for {@code job} and answers the folder the job writes to from
     * now on (absolute, as every node must see the same one); throws {@code ErrBadRequest},
     * creating nothing, if the folder is not allowed or cannot be made.
     */
    String prepare(String outputDir, String job);

    /** The temporary file reduce attempt {@code attempt} of task {@code reduce} writes. */
    String temporary(String outputDir, String job, int reduce, long attempt);

    /** The final output file of reduce task {@code reduce}: {@code outputDir/mr-out-<reduce>}. */
    String output(String outputDir, int reduce);

    /** Atomically renames {@code temporary} to {@code output}; false if that failed. */
    boolean commit(String temporary, String output);

    /** Removes whatever temporary files of {@code job} are left: losers' and dead attempts'. */
    void cleanUp(String outputDir, String job);
}
