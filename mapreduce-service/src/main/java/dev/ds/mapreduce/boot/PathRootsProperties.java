package dev.ds.mapreduce.boot;

import dev.ds.mapreduce.storage.PathRoots;
import dev.ds.spring.boot.InvalidSettingException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where jobs may read and write (CONTRACT.md section 6), set alike on the coordinator and on every
 * worker: each checks every path a job names, so a worker does not trust the tasks it is handed.
 *
 * @param inputRoots {@code mapreduce.input-roots}: comma-separated folders that inputs may lie in;
 *     default the folder the process was started in
 * @param outputRoots {@code mapreduce.output-roots}: comma-separated folders that an {@code outputDir}
 *     may lie in; default the folder the process was started in
 */
@ConfigurationProperties("mapreduce")
record PathRootsProperties(@DefaultValue(".") List<String> inputRoots, @DefaultValue(".") List<String> outputRoots) {

    PathRootsProperties {
        // A bad root stops start-up here, not at the first job.
        roots("mapreduce.input-roots", inputRoots);
        roots("mapreduce.output-roots", outputRoots);
        inputRoots = List.copyOf(inputRoots);
        outputRoots = List.copyOf(outputRoots);
    }

    PathRoots inputs() {
        return roots("mapreduce.input-roots", inputRoots);
    }

    PathRoots outputs() {
        return roots("mapreduce.output-roots", outputRoots);
    }

    private static PathRoots roots(String property, List<String> folders) {
        try {
            return new PathRoots(property, folders);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(property, String.join(",", folders), e.getMessage());
        }
    }
}
