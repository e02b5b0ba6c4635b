package dev.ds.mapreduce.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.testkit.process.Jvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A missing or invalid setting stops start-up with one clear line naming the setting and a
 * non-zero exit (CONTRACT.md section 1), checked on a real JVM as a user would see it.
 */
class StartupFailureTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--mapreduce.split-size=1MB                    | invalid setting role=(missing): required",
        "--role=bogus                                  | invalid setting role=bogus: must be one of coordinator, worker, sequential, generate",
        "--role=coordinator --mapreduce.split-size=0   | invalid setting mapreduce.split-size=0B: must be a positive size",
        "--role=worker --mapreduce.coordinator=http://127.0.0.1:1 | invalid setting node.self=(missing): required",
        "--role=worker --node.self=http://127.0.0.1:1 --mapreduce.coordinator=localhost | invalid setting mapreduce.coordinator=localhost: must be a base URL",
        "--role=worker --node.self=http://127.0.0.1:1                | invalid setting mapreduce.coordinator=(missing)",
        "--role=sequential --mapreduce.inputs=/etc/hostname --mapreduce.output-dir=/tmp/x | invalid setting mapreduce.app=(missing)",
        "--role=sequential --mapreduce.app=wordcount --mapreduce.output-dir=/tmp/x | invalid setting mapreduce.inputs=(missing)",
        "--role=sequential --mapreduce.app=wordcount --mapreduce.inputs=/etc/hostname | invalid setting mapreduce.output-dir=(missing)",
        "--role=coordinator --mapreduce.input-roots=/no/such/folder | invalid setting mapreduce.input-roots=/no/such/folder: /no/such/folder is not an existing folder",
        "--role=worker --node.self=http://127.0.0.1:1 --mapreduce.coordinator=http://127.0.0.1:2 --mapreduce.output-roots=.,/etc/hostname | invalid setting mapreduce.output-roots=.,/etc/hostname: /etc/hostname is not a folder",
        "--role=sequential --mapreduce.app=nosuchapp --mapreduce.inputs=/etc/hostname --mapreduce.output-dir=/tmp/x | invalid setting mapreduce.app=nosuchapp: unknown app",
        "--role=sequential --mapreduce.app=wordcount --mapreduce.inputs=/no/such/file --mapreduce.output-dir=/tmp/x | invalid setting mapreduce.inputs=/no/such/file: no such readable file",
        "--role=generate                               | invalid setting generate.output-dir=(missing): required",
        "--role=generate --generate.output-dir=/tmp/x --generate.files=0 | invalid setting generate.files=0: must be at least 1",
    })
    void badSettingStopsStartupWithOneLine(String args, String expectedLine) throws Exception {
        assertThat(Jvm.startupFailure(MapReduceApplication.class, args)).contains(expectedLine.trim());
    }
}
