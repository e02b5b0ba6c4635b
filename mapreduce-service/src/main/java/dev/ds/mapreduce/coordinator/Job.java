package dev.ds.mapreduce.coordinator;

import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.Phase;
import dev.ds.api.mapreduce.Progress;
import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskState;
import dev.ds.api.mapreduce.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** A job's tasks and outcome. Reduce tasks become runnable once every map task is completed. */
final class Job {

    final String id;
    final JobRequest request;
    final List<Task> maps;
    final List<Task> reduces;
    /** The final output file of each reduce task, once committed. */
    final String[] outputs;
    JobState state = JobState.RUNNING;
    String error;

    Job(String id, JobRequest request, List<Split> splits) {
        this.id = id;
        this.request = request;
        List<Task> mapTasks = new ArrayList<>();
        for (Split split : splits) {
            mapTasks.add(new Task(this, TaskKind.MAP, mapTasks.size(), split));
        }
        List<Task> reduceTasks = new ArrayList<>();
        for (int r = 0; r < request.nReduce(); r++) {
            reduceTasks.add(new Task(this, TaskKind.REDUCE, r, null));
        }
        this.maps = List.copyOf(mapTasks);
        this.reduces = List.copyOf(reduceTasks);
        this.outputs = new String[reduceTasks.size()];
    }

    boolean running() {
        return state == JobState.RUNNING;
    }

    boolean mapsDone() {
        return maps.stream().allMatch(t -> t.state() == TaskState.COMPLETED);
    }

    boolean reducesDone() {
        return reduces.stream().allMatch(t -> t.state() == TaskState.COMPLETED);
    }

    Phase phase() {
        if (!running()) {
            return Phase.DONE;
        }
        return mapsDone() ? Phase.REDUCE : Phase.MAP;
    }

    /** The tasks of the current phase: what runs now, and what may need a backup. */
    List<Task> phaseTasks() {
        return mapsDone() ? reduces : maps;
    }

    /** The first task waiting for a worker: maps in order, then, once every map is done, reduces. */
    Optional<Task> nextIdle() {
        return phaseTasks().stream().filter(t -> t.state() == TaskState.IDLE).findFirst();
    }

    Stream<Task> tasks() {
        return Stream.concat(maps.stream(), reduces.stream());
    }

    /** Where every map task's output is; only meaningful once every map task is completed. */
    List<MapOutput> mapOutputs() {
        return maps.stream().map(t -> new MapOutput(t.index, t.winner.worker, t.winner.id)).toList();
    }

    JobStatus status() {
        List<TaskStatus> tasks = tasks().map(Task::status).toList();
        List<String> finals = Stream.of(outputs).filter(Objects::nonNull).toList();
        return new JobStatus(id, request.app(), state, phase(), progress(maps, this::inputBytes),
                progress(reduces, this::partitionBytes), tasks, finals, error);
    }

    /** A map task's bytes: the input its split covers. */
    private long inputBytes(Task map) {
        return map.split == null ? 0 : map.split.length();
    }

    /** A reduce task's bytes: its partition of every completed map's output, as the maps reported them. */
    private long partitionBytes(Task reduce) {
        long bytes = 0;
        for (Task map : maps) {
            if (map.winner != null && reduce.index < map.winner.partitionBytes.size()) {
                bytes += map.winner.partitionBytes.get(reduce.index);
            }
        }
        return bytes;
    }

    private static Progress progress(List<Task> tasks, ToLongFunction<Task> bytesOf) {
        int completed = 0;
        long bytes = 0;
        long completedBytes = 0;
        for (Task task : tasks) {
            long size = bytesOf.applyAsLong(task);
            bytes += size;
            if (task.state() == TaskState.COMPLETED) {
                completed++;
                completedBytes += size;
            }
        }
        return new Progress(tasks.size(), completed, bytes, completedBytes);
    }
}
