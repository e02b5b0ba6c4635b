package dev.ds.chaos.node;

import dev.ds.testkit.cluster.DataDirs;
import dev.ds.testkit.process.Jvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One node as a user runs it: {@code java -Xmx256m -jar <module>/target/<module>.jar --key=value ...},
 * a real process that the nemesis kills with SIGKILL, pauses with SIGSTOP and restarts on the same
 * data dir. Its output goes, across restarts, to one log file.
 */
public final class NodeProcess {

    private final String name;
    private final Path jar;
    private final String host;
    private final int port;
    private final List<String> args;
    private final Path dataDir;
    private final Path log;
    private final List<String> launcher;
    private Process process;
    private boolean paused;

    /**
     * @param launcher what the java command runs under (empty, or {@code ip netns exec NS} for a node
     *     in its own network namespace)
     * @param dataDir the node's {@code node.data-dir}, or null for a node that keeps its state in memory
     */
    public NodeProcess(String name, Path jar, String host, int port, List<String> args, Path dataDir, Path log,
            List<String> launcher) {
        this.name = name;
        this.jar = jar;
        this.host = host;
        this.port = port;
        this.args = List.copyOf(args);
        this.dataDir = dataDir;
        this.log = log;
        this.launcher = List.copyOf(launcher);
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    public String host() {
        return host;
    }

    public Path log() {
        return log;
    }

    public boolean durable() {
        return dataDir != null;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public synchronized boolean paused() {
        return paused;
    }

    /** Starts the node; {@code extra} settings are added for this start only. */
    public synchronized void start(List<String> extra) {
        if (running()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Jvm.javaBin(), "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CICompilerCount=1",
                "-jar", jar.toString(), "--server.port=" + port, "--chaos.enabled=true"));
        if (dataDir != null) {
            command.add("--node.data-dir=" + dataDir);
        }
        command.addAll(args);
        command.addAll(extra);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== start " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            paused = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the machine dies wherever it was, no shutdown hook, no flush. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
    }

    /** A lost disk: the data dir and everything in it is gone. The node must be down. */
    public synchronized void wipe() {
        if (running()) {
            throw new IllegalStateException(name + " must be down to lose its disk");
        }
        if (dataDir != null && Files.exists(dataDir)) {
            DataDirs.wipe(dataDir);
        }
    }

    /** SIGSTOP: the process freezes, its sockets stay open, as a long GC pause or a stalled VM. */
    public synchronized void pause() {
        signal("STOP");
        paused = true;
    }

    /** SIGCONT. */
    public synchronized void resume() {
        if (paused) {
            signal("CONT");
            paused = false;
        }
    }

    private void signal(String signal) {
        if (!running()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code /actuator/health} answers UP; false if the deadline passed or the process died. */
    public boolean awaitHealthy(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - end < 0) {
            if (!running()) {
                return false;
            }
            if (NodeHttp.get(url() + "/actuator/health", Duration.ofSeconds(2)).body().contains("\"UP\"")) {
                return true;
            }
            sleep(250);
        }
        return false;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
