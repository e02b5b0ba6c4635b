/**
 * The MapReduce protocol (6.824 lab 1; the MapReduce paper, Dean &amp; Ghemawat 2004; CONTRACT.md
 * section 6).
 *
 * <p><b>Users</b> submit a {@link dev.ds.api.mapreduce.JobRequest} to the coordinator and read
 * {@link dev.ds.api.mapreduce.JobStatus}es. A job has one map task per input split (inputs larger
 * than the split size are cut at line boundaries) and {@code nReduce} reduce tasks.
 *
 * <p><b>Workers</b> pull work. An idle worker asks for a task ({@link
 * dev.ds.api.mapreduce.NextTaskRequest}); the answer is an attempt at a map or a reduce task, or
 * nothing for now. Every attempt has an id, unique within the coordinator. While it runs, the
 * worker sends {@link dev.ds.api.mapreduce.Heartbeat}s with each attempt's progress counter: a
 * worker that stops sending them is dead, and an attempt whose counter stops growing has stalled;
 * either way its task goes to another worker. A map attempt sorts its output into {@code nReduce}
 * partitions by {@code hash(key) mod nReduce} and keeps them on its worker, which serves them over
 * HTTP at {@link dev.ds.api.mapreduce.MapReduceApi#PARTITION_PATH}. Reduce tasks are handed out
 * once every map task is completed; a reduce attempt fetches its partition from every map task's
 * worker ({@link dev.ds.api.mapreduce.MapOutput}), merges, reduces, and writes a temporary file.
 * The worker then reports ({@link dev.ds.api.mapreduce.TaskReport}).
 *
 * <p>The first attempt of a task to report completion wins; later ones are not accepted, and the
 * worker deletes their output. For a reduce task the coordinator itself renames the winner's
 * temporary file to {@code mr-out-<r>} before it answers, so an output file appears only when
 * complete and only once, and a job is {@code SUCCEEDED} only when every output is final. If a
 * worker dies, the completed map tasks whose output it held run again while a reduce task still
 * needs them; a reducer that cannot fetch a map output reports it as lost, with the same effect.
 * Near the end of a phase, an attempt that runs far longer than its completed siblings gets a
 * backup attempt on an idle worker (the paper's section 3.6); whichever finishes first wins.
 *
 * <p>A worker is identified by its {@code node.self} URL and an incarnation chosen at each start:
 * a restarted worker has lost its map outputs, and the coordinator treats the old incarnation as
 * dead.
 */
package dev.ds.api.mapreduce;
