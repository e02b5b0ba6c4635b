package dev.ds.dsctl;

import dev.ds.api.mapreduce.JobStatus;
import dev.ds.api.mapreduce.Progress;
import java.util.Locale;

/** The one line that shows a MapReduce job's progress: a bar per phase, tasks, bytes, workers busy. */
final class ProgressLine {

    private static final int WIDTH = 20;

    private ProgressLine() {
    }

    static String of(JobStatus job, long busy, long alive) {
        return job.id() + " " + job.state() + "  MAP " + phase(job.map()) + "  REDUCE " + phase(job.reduce())
                + "  workers busy " + busy + "/" + alive;
    }

    private static String phase(Progress progress) {
        double done = progress.bytes() > 0 ? (double) progress.completedBytes() / progress.bytes()
                : progress.total() == 0 ? 0 : (double) progress.completed() / progress.total();
        int filled = (int) Math.round(done * WIDTH);
        String text = "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] "
                + progress.completed() + "/" + progress.total() + " tasks";
        if (progress.bytes() > 0) {
            text += " " + bytes(progress.completedBytes()) + "/" + bytes(progress.bytes());
        }
        return text;
    }

    /** Bytes in the largest unit that keeps the number at least 1: B, KiB, MiB, GiB. */
    static String bytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
