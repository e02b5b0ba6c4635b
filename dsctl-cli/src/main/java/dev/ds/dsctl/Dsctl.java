package dev.ds.dsctl;

import dev.ds.client.ClientBuilder;
import dev.ds.client.NoReplyException;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.http.HttpSettings;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code dsctl}: the whole system from a terminal. Each subcommand is a thin layer over the Java
 * client library; nodes are found by name in the topology file that {@code scripts/run-local.sh}
 * writes ({@code run/topology.json}), or given with {@code --nodes}.
 */
@Command(name = "dsctl", mixinStandardHelpOptions = true, versionProvider = Dsctl.Version.class,
        description = "Operate the ds cluster: key/value stores, shard master, view service, node status, "
                + "chaos by node name, MapReduce jobs.",
        subcommands = {KvCommand.class, ShardMasterCommand.class, ViewCommand.class, StatusCommand.class,
                ChaosCommand.class, MrCommand.class, ConsoleCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the cluster refused the call (a problem other than those below), or dsctl failed",
                "2:bad input: a usage error, ErrBadRequest or ErrTooLarge",
                "3:not found: ErrNoKey, ErrNotFound",
                "4:no answer in time, or ErrTimeout/ErrNotReady: the outcome of a write is unknown",
                "5:unhealthy: status saw a node down, not ready or faulty; a MapReduce job FAILED"})
public final class Dsctl {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, defaultValue = "table",
            paramLabel = "table|json",
            description = "table or json (default: ${DEFAULT-VALUE})")
    Format output;

    @Option(names = "--topology", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "topology file (default: $DSCTL_TOPOLOGY, else run/topology.json)")
    Path topologyFile;

    @Option(names = "--nodes", scope = ScopeType.INHERIT, split = ",", paramLabel = "[NAME=]URL",
            description = "the nodes, instead of a topology file; roles are asked from the nodes")
    List<String> nodes;

    @Option(names = "--secret", scope = ScopeType.INHERIT, defaultValue = "${env:DS_CLUSTER_SECRET}",
            description = "the cluster secret, for the chaos API (default: $DS_CLUSTER_SECRET)")
    String secret;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, defaultValue = "10", paramLabel = "SECONDS",
            description = "how long a call retries before it gives up (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    private Topology topology;
    private boolean terminal;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, System.console() != null, args));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; answers the exit code. */
    public static int run(PrintWriter out, PrintWriter err, boolean terminal, String... args) {
        Dsctl dsctl = new Dsctl();
        dsctl.terminal = terminal;
        CommandLine line = new CommandLine(dsctl);
        line.setOut(out);
        line.setErr(err);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e, cmd.getErr()));
        int code = line.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** One clear line for a failure, and the exit code scripts can trust. */
    static int failed(Exception e, PrintWriter err) {
        if (e instanceof ProblemException problem) {
            err.println("dsctl: " + problem.code() + ": " + problem.detail());
            return ExitCodes.of(problem.code());
        }
        if (e instanceof NoReplyException) {
            err.println("dsctl: no answer: " + e.getMessage());
            return ExitCodes.NO_ANSWER;
        }
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            err.println("dsctl: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof ExitException exit) {
            return exit.code;
        }
        err.println("dsctl: " + e);
        return ExitCodes.ERROR;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    CommandSpec spec() {
        return spec;
    }

    boolean terminal() {
        return terminal;
    }

    boolean json() {
        return output == Format.json;
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    /** The topology, loaded once: from {@code --nodes}, else the topology file. */
    Topology topology() {
        if (topology == null) {
            topology = nodes != null && !nodes.isEmpty() ? Topology.ofNodes(nodes, probe())
                    : Topology.load(Topology.file(topologyFile));
        }
        return topology;
    }

    NodeProbe probe() {
        return new NodeProbe(Duration.ofSeconds(2), secret);
    }

    /** The shared settings of every client dsctl builds: deadline and, for /admin, the secret. */
    <B extends ClientBuilder<B, C>, C> B configure(B builder) {
        HttpSettings http = HttpSettings.DEFAULTS.withBearerToken(secret);
        return builder.retryDeadline(timeout()).httpSettings(http);
    }

    /** Output format of every command. */
    enum Format { table, json }

    /** The project version, from the jar's manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Dsctl.class.getPackage().getImplementationVersion();
            return new String[] {"dsctl " + (version == null ? "(development build)" : version)};
        }
    }

    /** Bad input that picocli could not see: an unknown node name, a missing topology. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** Ends a command with an exit code whose reason has already been printed. */
    static final class ExitException extends RuntimeException {
        final int code;

        ExitException(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
