package dev.ds.chaos.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real network faults (root only): node i lives in network namespace {@code dsc-i} with address
 * 10.201.0.(10+i), its {@code eth0} one end of a veth pair whose other end is on the bridge
 * {@code dsc-br} (10.201.0.1, the runner's side). Faults are the kernel's, applied inside the
 * node's namespace: nftables drops every packet to a cut-off peer (a partition; one-way when only
 * one side drops), drops a random share of packets (loss) and duplicates another
 * ({@code dup to eth0}); where the kernel has {@code sch_netem}, {@code tc netem} adds delay with
 * jitter, which reorders. Everything is created here and removed by {@link #close}, together with
 * whatever a crashed earlier run left behind.
 */
public final class Namespaces implements Network {

    private static final Logger LOG = LoggerFactory.getLogger(Namespaces.class);
    private static final String BRIDGE = "dsc-br";
    private static final String PREFIX = "10.201.0.";

    private final List<Integer> created = new ArrayList<>();
    private final Map<Integer, Set<String>> dropped = new HashMap<>();
    private final Map<Integer, Degradation> degraded = new HashMap<>();
    private final boolean netem;

    public Namespaces() {
        cleanUp();
        sh("ip link add " + BRIDGE + " type bridge");
        sh("ip addr add " + PREFIX + "1/24 dev " + BRIDGE);
        sh("ip link set " + BRIDGE + " up");
        netem = probeNetem();
        LOG.info("network namespaces on {}0/24; packet delay and reordering {}", PREFIX,
                netem ? "by tc netem" : "unavailable (this kernel has no sch_netem): loss and duplication only");
    }

    /** Whether this process may create namespaces and filter packets (root, iproute2, nftables). */
    public static boolean available() {
        return "root".equals(System.getProperty("user.name")) && run("ip netns list", null).ok()
                && run("nft --version", null).ok();
    }

    @Override
    public synchronized String host(int i) {
        if (!created.contains(i)) {
            String ns = ns(i);
            sh("ip netns add " + ns);
            sh("ip link add dsc-v" + i + " type veth peer name eth0 netns " + ns);
            sh("ip link set dsc-v" + i + " master " + BRIDGE + " up");
            sh("ip -n " + ns + " addr add " + PREFIX + (10 + i) + "/24 dev eth0");
            sh("ip -n " + ns + " link set eth0 up");
            sh("ip -n " + ns + " link set lo up");
            created.add(i);
        }
        return PREFIX + (10 + i);
    }

    @Override
    public List<String> launcher(int i) {
        return List.of("ip", "netns", "exec", ns(i));
    }

    @Override
    public boolean delays() {
        return netem;
    }

    @Override
    public boolean packetFaults() {
        return true;
    }

    @Override
    public synchronized void drop(Map<NodeProcess, Set<NodeProcess>> cut) {
        cut.forEach((from, targets) -> {
            Set<String> hosts = new LinkedHashSet<>();
            targets.forEach(to -> hosts.add(to.host()));
            dropped.put(indexOf(from), hosts);
            apply(indexOf(from));
        });
    }

    @Override
    public synchronized void degrade(List<NodeProcess> nodes, Degradation degradation) {
        for (NodeProcess node : nodes) {
            degraded.put(indexOf(node), degradation);
            apply(indexOf(node));
            if (netem && degradation.delayMs() > 0) {
                sh("ip netns exec " + ns(indexOf(node)) + " tc qdisc replace dev eth0 root netem delay "
                        + degradation.delayMs() + "ms " + Math.max(1, degradation.delayMs() / 4) + "ms");
            }
        }
    }

    @Override
    public synchronized void heal(List<NodeProcess> nodes) {
        for (NodeProcess node : nodes) {
            int i = indexOf(node);
            dropped.remove(i);
            degraded.remove(i);
            apply(i);
            if (netem) {
                sh("ip netns exec " + ns(i) + " tc qdisc del dev eth0 root", true);
            }
        }
    }

    /** Replaces the namespace's nftables rules with the drops and degradation it has now. */
    private void apply(int i) {
        StringBuilder rules = new StringBuilder("flush ruleset\n");
        Set<String> hosts = dropped.getOrDefault(i, Set.of());
        Degradation bad = degraded.get(i);
        rules.append("table inet chaos {\n chain out {\n  type filter hook output priority 0; policy accept;\n");
        hosts.forEach(host -> rules.append("  ip daddr ").append(host).append(" drop\n"));
        if (bad != null && bad.lossPercent() > 0) {
            rules.append("  oifname \"eth0\" numgen random mod 100 < ").append(bad.lossPercent()).append(" drop\n");
        }
        rules.append(" }\n}\n");
        if (bad != null && bad.duplicatePercent() > 0) {
            rules.append("table netdev chaosdup {\n chain egress {\n  type filter hook egress device \"eth0\" priority 0;\n")
                    .append("  numgen random mod 100 < ").append(bad.duplicatePercent()).append(" dup to \"eth0\"\n }\n}\n");
        }
        Result result = run("ip netns exec " + ns(i) + " nft -f -", rules.toString());
        if (!result.ok()) {
            throw new IllegalStateException("nft in " + ns(i) + " failed: " + result.out() + "\n" + rules);
        }
    }

    private static int indexOf(NodeProcess node) {
        return Integer.parseInt(node.host().substring(PREFIX.length())) - 10;
    }

    @Override
    public synchronized void close() {
        cleanUp();
        created.clear();
    }

    /** Removes every namespace and the bridge of this runner, from this run or a crashed earlier one. */
    private static void cleanUp() {
        for (String line : run("ip netns list", null).out().split("\n")) {
            String ns = line.split(" ")[0].trim();
            if (ns.startsWith("dsc-")) {
                sh("ip netns del " + ns, true);
            }
        }
        sh("ip link del " + BRIDGE, true);
    }

    private static boolean probeNetem() {
        sh("ip link add dsc-probe type veth peer name dsc-probe1", true);
        boolean ok = run("tc qdisc add dev dsc-probe root netem delay 1ms", null).ok();
        sh("ip link del dsc-probe", true);
        return ok;
    }

    private static String ns(int i) {
        return "dsc-" + i;
    }

    private static void sh(String command) {
        sh(command, false);
    }

    private static void sh(String command, boolean mayFail) {
        Result result = run(command, null);
        if (!result.ok() && !mayFail) {
            throw new IllegalStateException("'" + command + "' failed: " + result.out());
        }
    }

    private record Result(boolean ok, String out) {
    }

    private static Result run(String command, String stdin) {
        try {
            Process process = new ProcessBuilder(command.split(" ")).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(false, "timed out");
            }
            return new Result(process.exitValue() == 0, out);
        } catch (IOException e) {
            return new Result(false, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted", e));
        }
    }
}
