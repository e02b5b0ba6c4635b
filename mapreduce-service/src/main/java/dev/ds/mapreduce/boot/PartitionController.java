package dev.ds.mapreduce.boot;

import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.mapreduce.worker.LocalPartitions;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves this worker's map outputs to reducers: the shuffle, over HTTP, no shared file system needed. */
@RestController
@Tag(name = "mapreduce internal", description = "Worker to worker: map outputs for reducers")
class PartitionController {

    private final LocalPartitions partitions;

    PartitionController(LocalPartitions partitions) {
        this.partitions = partitions;
    }

    @GetMapping(value = MapReduceApi.PARTITION_PATH, produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Partition reduce of a map attempt's output, as sorted records (bytes)")
    ResponseEntity<Resource> partition(@PathVariable String job, @PathVariable long attempt, @PathVariable int reduce) {
        Path file = partitions.partition(job, attempt, reduce).orElseThrow(() -> new ProblemException(
                ErrorCode.ErrNotFound, "no output of map attempt " + attempt + " of " + job + " here"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(new FileSystemResource(file));
    }
}
