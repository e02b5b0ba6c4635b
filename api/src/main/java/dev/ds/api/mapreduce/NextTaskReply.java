package dev.ds.api.mapreduce;

/** The coordinator's answer to an idle worker: a task, or null when there is nothing to do now. */
public record NextTaskReply(TaskAssignment task) {

    public static final NextTaskReply NOTHING = new NextTaskReply(null);
}
