package dev.ds.mapreduce.boot;

import dev.ds.api.mapreduce.Heartbeat;
import dev.ds.api.mapreduce.HeartbeatReply;
import dev.ds.api.mapreduce.NextTaskReply;
import dev.ds.api.mapreduce.NextTaskRequest;
import dev.ds.api.mapreduce.ReportReply;
import dev.ds.api.mapreduce.TaskReport;
import dev.ds.mapreduce.coordinator.Coordinator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What workers call on the coordinator (see {@code dev.ds.api.mapreduce}). */
@RestController
@RequestMapping("/internal/mapreduce")
@Tag(name = "mapreduce internal", description = "Worker to coordinator: pull tasks, heartbeats, reports")
class CoordinatorInternalController {

    private final Coordinator coordinator;
    private final TaskLongPoll longPoll;

    CoordinatorInternalController(Coordinator coordinator, TaskLongPoll longPoll) {
        this.coordinator = coordinator;
        this.longPoll = longPoll;
    }

    @PostMapping("/tasks/next")
    @Operation(summary = "An idle worker asks for a task; task is null when there is nothing to do now",
            description = "With waitMs > 0 the coordinator holds the request until it has a task for the worker "
                    + "or waitMs passed (a long poll).")
    NextTaskReply next(@RequestBody NextTaskRequest request) {
        return longPoll.next(request);
    }

    @PostMapping("/heartbeat")
    @Operation(summary = "A worker's sign of life with its attempts' progress; answers attempts to abort")
    HeartbeatReply heartbeat(@RequestBody Heartbeat heartbeat) {
        return coordinator.heartbeat(heartbeat);
    }

    @PostMapping("/tasks/report")
    @Operation(summary = "The end of an attempt; accepted is whether its result counts")
    ReportReply report(@RequestBody TaskReport report) {
        ReportReply reply = coordinator.report(report);
        longPoll.changed();
        return reply;
    }
}
