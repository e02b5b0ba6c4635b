package dev.ds.mapreduce.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ds.api.mapreduce.AttemptOutcome;
import dev.ds.api.mapreduce.AttemptProgress;
import dev.ds.api.mapreduce.Heartbeat;
import dev.ds.api.mapreduce.HeartbeatReply;
import dev.ds.api.mapreduce.JobRequest;
import dev.ds.api.mapreduce.JobState;
import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.MapOutput;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.api.mapreduce.Phase;
import dev.ds.api.mapreduce.Progress;
import dev.ds.api.mapreduce.Split;
import dev.ds.api.mapreduce.TaskAssignment;
import dev.ds.api.mapreduce.TaskKind;
import dev.ds.api.mapreduce.TaskReport;
import dev.ds.api.mapreduce.TaskState;
import dev.ds.api.mapreduce.TaskStatus;
import dev.ds.api.mapreduce.WorkerState;
import dev.ds.mapreduce.app.Apps;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The coordinator's rules one at a time, with time as explicit ticks. */
class CoordinatorTest {

    private static final long WORKER_TIMEOUT = 5;
    private static final long TASK_TIMEOUT = 10;
    private static final long BACKUP_MIN = 4;

    private final RecordingOutputs outputs = new RecordingOutputs();
    private final Coordinator coordinator = new Coordinator(
            new CoordinatorSettings(WORKER_TIMEOUT, TASK_TIMEOUT, 2, true, 2.0, BACKUP_MIN),
            Apps.load(getClass().getClassLoader()), outputs,
            InstantSource.fixed(Instant.parse("2015-02-01T12:00:00Z")), "job-");

    @Test
    void mapsGoOutInOrderAndReducesOnlyOnceEveryMapIsCompleted() {
        JobStatus job = submit(3, 2);
        assertThat(job.id()).isEqualTo("job-1");
        assertThat(job.phase()).isEqualTo(Phase.MAP);
        TaskAssignment m0 = next("w1");
        TaskAssignment m1 = next("w2");
        assertThat(List.of(m0.kind(), m1.kind())).containsOnly(TaskKind.MAP);
        assertThat(List.of(m0.index(), m1.index())).containsExactly(0, 1);
        assertThat(m0.split()).isEqualTo(new Split("/in/f0", 0, 10));
        assertThat(m0.nReduce()).isEqualTo(2);
        complete("w1", m0);
        TaskAssignment m2 = next("w1");
        assertThat(m2.index()).isEqualTo(2);
        assertThat(nextOrNull("w3")).as("reduces wait for every map").isNull();
        complete("w2", m1);
        complete("w1", m2);

        TaskAssignment r0 = next("w3");
        assertThat(r0.kind()).isEqualTo(TaskKind.REDUCE);
        assertThat(r0.mapOutputs()).containsExactly(new MapOutput(0, "w1", m0.attempt()),
                new MapOutput(1, "w2", m1.attempt()), new MapOutput(2, "w1", m2.attempt()));
        assertThat(r0.outputFile()).isEqualTo("/out/_temporary/job-1/mr-out-0.attempt-" + r0.attempt());
        assertThat(coordinator.job("job-1").phase()).isEqualTo(Phase.REDUCE);
    }

    @Test
    void aJobSucceedsOnlyWhenEveryReduceOutputIsCommitted() {
        submit(1, 2);
        complete("w1", next("w1"));
        TaskAssignment r0 = next("w1");
        TaskAssignment r1 = next("w2");
        complete("w1", r0);
        JobStatus half = coordinator.job("job-1");
        assertThat(half.state()).isEqualTo(JobState.RUNNING);
        assertThat(half.outputs()).containsExactly("/out/mr-out-0");
        assertThat(half.reduce().completed()).isEqualTo(1);

        complete("w2", r1);
        JobStatus done = coordinator.job("job-1");
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.phase()).isEqualTo(Phase.DONE);
        assertThat(done.outputs()).containsExactly("/out/mr-out-0", "/out/mr-out-1");
        assertThat(outputs.commits).hasSize(2);
        assertThat(outputs.cleanedUp).containsExactly("job-1");
        assertThat(done.tasks()).extracting(TaskStatus::attempts).containsOnly(1);
    }

    @Test
    void progressCountsBytesMapsByTheirSplitsReducesByThePartitionsTheMapsWrote() {
        submit(2, 2);
        TaskAssignment m0 = next("w1");
        TaskAssignment m1 = next("w2");
        completeMap("w1", m0, 100, 7);
        JobStatus half = coordinator.job("job-1");
        assertThat(half.map()).isEqualTo(new Progress(2, 1, 20, 10));
        assertThat(half.reduce()).as("the reduce bytes known so far").isEqualTo(new Progress(2, 0, 107, 0));

        completeMap("w2", m1, 50, 3);
        TaskAssignment r0 = next("w1");
        assertThat(r0.index()).isZero();
        complete("w1", r0);
        assertThat(coordinator.job("job-1").reduce()).isEqualTo(new Progress(2, 1, 160, 150));
    }

    private void completeMap(String worker, TaskAssignment map, long... partitionBytes) {
        List<Long> sizes = LongStream.of(partitionBytes).boxed().toList();
        assertThat(coordinator.report(new TaskReport(worker, "i", map.attempt(), AttemptOutcome.COMPLETED, null,
                List.of(), sizes)).accepted()).isTrue();
    }

    @Test
    void aDeadWorkerLosesItsRunningAttemptsAndTheMapOutputsReducersStillNeed() {
        submit(2, 1);
        TaskAssignment m0 = next("w1");
        complete("w1", m0);
        next("w1");
        for (long t = 0; t < WORKER_TIMEOUT; t++) {
            beat("w2");
            coordinator.tick();
        }
        JobStatus job = coordinator.job("job-1");
        assertThat(job.tasks()).extracting(TaskStatus::state).containsExactly(TaskState.IDLE, TaskState.IDLE,
                TaskState.IDLE);
        assertThat(coordinator.workers()).extracting(w -> w.id() + " " + w.state())
                .containsExactly("w1 DEAD", "w2 ALIVE");
        assertThat(coordinator.workers().get(0).lastSeen()).isEqualTo("2015-02-01T12:00:00Z");

        TaskAssignment again = next("w2");
        assertThat(again.index()).isEqualTo(0);
        assertThat(again.attempt()).isNotEqualTo(m0.attempt());
        assertThat(coordinator.stats().tasks().rerun(TaskKind.MAP, RerunReason.OUTPUT_LOST)).isEqualTo(1);
        assertThat(report("w1", m0, AttemptOutcome.COMPLETED)).as("the dead worker's late report").isFalse();
    }

    @Test
    void mapOutputsStayLostOnlyWhileAReduceNeedsThem() {
        submit(1, 1);
        complete("w1", next("w1"));
        complete("w2", next("w2"));
        for (long t = 0; t < WORKER_TIMEOUT; t++) {
            coordinator.tick();
        }
        assertThat(coordinator.job("job-1").state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(coordinator.job("job-1").tasks()).extracting(TaskStatus::state).containsOnly(TaskState.COMPLETED);
    }

    @Test
    void anAttemptWithoutProgressLosesItsLeaseAndProgressRenewsIt() {
        submit(2, 1);
        TaskAssignment m0 = next("w1");
        TaskAssignment m1 = next("w2");
        for (long t = 1; t <= TASK_TIMEOUT + 2; t++) {
            beat("w1", new AttemptProgress(m0.attempt(), 100 * t));
            beat("w2", new AttemptProgress(m1.attempt(), 7));
            coordinator.tick();
        }
        JobStatus job = coordinator.job("job-1");
        assertThat(job.tasks().get(0).state()).as("progressing").isEqualTo(TaskState.RUNNING);
        assertThat(job.tasks().get(1).state()).as("stalled").isEqualTo(TaskState.IDLE);
        HeartbeatReply reply = beat("w2", new AttemptProgress(m1.attempt(), 8));
        assertThat(reply.abort()).containsExactly(m1.attempt());
        assertThat(coordinator.stats().tasks().rerun(TaskKind.MAP, RerunReason.LEASE_EXPIRED)).isZero();
        next("w3");
        assertThat(coordinator.stats().tasks().rerun(TaskKind.MAP, RerunReason.LEASE_EXPIRED)).isEqualTo(1);
    }

    @Test
    void aStragglerGetsABackupNearTheEndOfItsPhaseAndTheFirstToFinishWins() {
        submit(3, 1);
        TaskAssignment slow = next("w1");
        TaskAssignment m1 = next("w2");
        TaskAssignment m2 = next("w3");
        coordinator.tick();
        complete("w2", m1);
        complete("w3", m2);
        for (long t = 0; t < BACKUP_MIN - 2; t++) {
            coordinator.tick();
        }
        assertThat(nextOrNull("w2")).as("not yet a straggler").isNull();
        coordinator.tick();
        TaskAssignment backup = next("w2");
        assertThat(backup.index()).isEqualTo(slow.index());
        assertThat(nextOrNull("w3")).as("one backup per task").isNull();
        assertThat(coordinator.job("job-1").tasks().get(0).attempts()).isEqualTo(2);

        complete("w2", backup);
        assertThat(beat("w1", new AttemptProgress(slow.attempt(), 1)).abort()).containsExactly(slow.attempt());
        assertThat(report("w1", slow, AttemptOutcome.COMPLETED)).as("the loser").isFalse();
        assertThat(next("w1").mapOutputs().get(0)).isEqualTo(new MapOutput(0, "w2", backup.attempt()));
        assertThat(coordinator.stats().tasks().rerun(TaskKind.MAP, RerunReason.BACKUP)).isEqualTo(1);
    }

    @Test
    void aTaskThatKeepsFailingFailsItsJob() {
        submit(1, 1);
        TaskAssignment first = next("w1");
        assertThat(report("w1", first, AttemptOutcome.FAILED)).isTrue();
        assertThat(coordinator.job("job-1").state()).isEqualTo(JobState.RUNNING);
        TaskAssignment second = next("w1");
        assertThat(second.index()).isEqualTo(0);
        report("w1", second, AttemptOutcome.FAILED);
        JobStatus job = coordinator.job("job-1");
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.phase()).isEqualTo(Phase.DONE);
        assertThat(job.error()).contains("MAP task 0 failed 2 times", "boom");
        assertThat(nextOrNull("w1")).isNull();
        assertThat(coordinator.stats().jobsFailed()).isEqualTo(1);
    }

    @Test
    void aLostMapOutputRunsThatMapAgainAndThenTheReduce() {
        submit(2, 1);
        TaskAssignment m0 = next("w1");
        TaskAssignment m1 = next("w2");
        complete("w1", m0);
        complete("w2", m1);
        TaskAssignment r0 = next("w3");
        MapOutput lost = r0.mapOutputs().get(1);
        assertThat(coordinator.report(new TaskReport("w3", "i", r0.attempt(), AttemptOutcome.OUTPUT_LOST, null,
                List.of(lost))).accepted()).isTrue();
        JobStatus job = coordinator.job("job-1");
        assertThat(job.phase()).isEqualTo(Phase.MAP);
        assertThat(job.tasks()).extracting(TaskStatus::state)
                .containsExactly(TaskState.COMPLETED, TaskState.IDLE, TaskState.IDLE);
        TaskAssignment rerun = next("w3");
        assertThat(rerun.kind()).isEqualTo(TaskKind.MAP);
        assertThat(rerun.index()).isEqualTo(1);
        complete("w3", rerun);
        assertThat(next("w3").mapOutputs().get(1)).isEqualTo(new MapOutput(1, "w3", rerun.attempt()));
    }

    @Test
    void aRestartedWorkerLosesWhatItsOldIncarnationHeld() {
        submit(2, 1);
        TaskAssignment m0 = next("w1");
        complete("w1", m0);
        TaskAssignment m1 = next("w1");
        TaskAssignment after = coordinator.nextTask(new NextTaskRequest("w1", "second")).task();
        assertThat(after.kind()).isEqualTo(TaskKind.MAP);
        assertThat(after.index()).isEqualTo(0);
        assertThat(coordinator.job("job-1").tasks().get(1).state()).isEqualTo(TaskState.IDLE);
        assertThat(report("w1", m1, AttemptOutcome.COMPLETED)).as("report of the old incarnation").isFalse();
    }

    @Test
    void aRepeatedReportOfAWinIsAcceptedAgainAndUnknownAttemptsAreAborted() {
        submit(1, 1);
        TaskAssignment m0 = next("w1");
        assertThat(report("w1", m0, AttemptOutcome.COMPLETED)).isTrue();
        assertThat(report("w1", m0, AttemptOutcome.COMPLETED)).as("the reply was lost, the worker repeats").isTrue();
        assertThat(beat("w1", new AttemptProgress(999, 1)).abort()).containsExactly(999L);
        assertThat(coordinator.report(new TaskReport("w1", "i", 999, AttemptOutcome.COMPLETED, null, List.of()))
                .accepted()).isFalse();
    }

    @Test
    void aFailedCommitIsAFailedAttempt() {
        submit(1, 1);
        complete("w1", next("w1"));
        TaskAssignment r0 = next("w1");
        outputs.failCommits = true;
        assertThat(report("w1", r0, AttemptOutcome.COMPLETED)).isFalse();
        assertThat(coordinator.job("job-1").state()).isEqualTo(JobState.RUNNING);
        assertThat(coordinator.job("job-1").tasks().get(1).state()).isEqualTo(TaskState.IDLE);
        assertThat(coordinator.stats().tasks().failed(TaskKind.REDUCE)).isEqualTo(1);
    }

    @Test
    void theOldestJobGoesFirstAndAWaitingJobDoesNotBlockTheNext() {
        submit(1, 1);
        submit(1, 1);
        TaskAssignment a = next("w1");
        TaskAssignment b = next("w2");
        assertThat(List.of(a.job(), b.job())).containsExactly("job-1", "job-2");
        assertThat(coordinator.jobs()).extracting(JobStatus::id).containsExactly("job-2", "job-1");
        assertThat(coordinator.stats().jobsRunning()).isEqualTo(2);
        assertThat(coordinator.heartbeat(new Heartbeat("w1", "i", List.of())).activeJobs())
                .containsExactly("job-1", "job-2");
    }

    @Test
    void badSubmissionsAndUnknownJobsAreProblems() {
        assertThatThrownBy(() -> coordinator.submit(new JobRequest("nosuchapp", List.of("/in/f"), 1, "/out"),
                List.of(new Split("/in/f", 0, 1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ErrBadRequest);
                    assertThat(e.detail()).startsWith("app: unknown app nosuchapp").contains("wordcount");
                });
        assertThatThrownBy(() -> coordinator.submit(new JobRequest("wordcount", List.of("/in/f"), 1, "/forbidden"),
                List.of(new Split("/in/f", 0, 1))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.detail()).startsWith("outputDir"));
        assertThatThrownBy(() -> coordinator.job("job-9"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ErrNotFound));
        assertThat(coordinator.workers()).extracting(w -> w.state()).doesNotContain(WorkerState.DEAD);
    }

    private JobStatus submit(int maps, int nReduce) {
        List<Split> splits = IntStream.range(0, maps).mapToObj(i -> new Split("/in/f" + i, 0, 10))
                .toList();
        return coordinator.submit(new JobRequest("wordcount", splits.stream().map(Split::path).toList(), nReduce,
                "/out"), splits);
    }

    private TaskAssignment nextOrNull(String worker) {
        return coordinator.nextTask(new NextTaskRequest(worker, "i")).task();
    }

    private TaskAssignment next(String worker) {
        TaskAssignment task = nextOrNull(worker);
        assertThat(task).as("a task for %s", worker).isNotNull();
        return task;
    }

    private void complete(String worker, TaskAssignment task) {
        assertThat(report(worker, task, AttemptOutcome.COMPLETED)).as("%s accepted", task).isTrue();
    }

    private boolean report(String worker, TaskAssignment task, AttemptOutcome outcome) {
        return coordinator.report(new TaskReport(worker, "i", task.attempt(), outcome,
                outcome == AttemptOutcome.FAILED ? "boom" : null, List.of())).accepted();
    }

    private HeartbeatReply beat(String worker, AttemptProgress... running) {
        return coordinator.heartbeat(new Heartbeat(worker, "i", List.of(running)));
    }
}
