package dev.ds.mapreduce.boot;

import dev.ds.spring.boot.InvalidSettingException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The reference run's settings ({@code --role=sequential}).
 *
 * @param app {@code mapreduce.app}: the app to run
 * @param inputs {@code mapreduce.inputs}: comma-separated input files
 * @param outputDir {@code mapreduce.output-dir}: where {@code mr-out-0} goes
 * @param sortBuffer {@code mapreduce.sort-buffer}: memory for map output before it spills to disk
 */
@ConfigurationProperties("mapreduce")
record SequentialSettingsProperties(
        String app, List<String> inputs, String outputDir, @DefaultValue("64MB") DataSize sortBuffer) {

    SequentialSettingsProperties {
        InvalidSettingException.require("mapreduce.app", app, "the app to run, such as wordcount");
        if (inputs == null || inputs.isEmpty() || inputs.stream().anyMatch(String::isBlank)) {
            throw new InvalidSettingException("mapreduce.inputs", inputs == null ? null : String.join(",", inputs),
                    "required: comma-separated input files");
        }
        InvalidSettingException.require("mapreduce.output-dir", outputDir, "the folder for mr-out-0");
        Settings.positive("mapreduce.sort-buffer", sortBuffer);
        inputs = List.copyOf(inputs);
    }
}
