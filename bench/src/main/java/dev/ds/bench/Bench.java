package dev.ds.bench;

import dev.ds.api.view.View;
import dev.ds.client.Retry;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.client.pb.PbClient;
import dev.ds.client.view.ViewServiceClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Benchmarks against running nodes, all on 127.0.0.1. Every loop is bounded in count and time.
 *
 * <pre>
 * java -jar bench/target/bench.jar pb-throughput VIEWSERVICE_URL CLIENTS SECONDS
 * java -jar bench/target/bench.jar pb-failover VIEWSERVICE_URL URL=PID[,URL=PID...]
 * java -jar bench/target/bench.jar rpc-floor VIEWSERVICE_URL SECONDS
 * java -jar bench/target/bench.jar paxoskv URL,URL,URL CLIENTS SECONDS
 * </pre>
 */
public final class Bench {

    private static final int MAX_OPS_PER_CLIENT = 200_000;

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: pb-throughput VIEWSERVICE_URL CLIENTS SECONDS | pb-failover VIEWSERVICE_URL URL=PID,...");
            System.exit(2);
        }
        try (HttpRpcClient rpc = new HttpRpcClient(Wire.mapper(), HttpSettings.DEFAULTS)) {
            switch (args[0]) {
                case "pb-throughput" -> throughput(rpc, args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                case "pb-failover" -> failover(rpc, args[1], parsePids(args[2]));
                case "rpc-floor" -> rpcFloor(rpc, args[1], Integer.parseInt(args[2]));
                case "paxoskv" -> paxosKv(rpc, List.of(args[1].split(",")), Integer.parseInt(args[2]),
                        Integer.parseInt(args[3]));
                default -> {
                    System.err.println("unknown benchmark " + args[0]);
                    System.exit(2);
                }
            }
        }
    }

    /**
     * Puts of 100-byte values from {@code clients} clients for {@code seconds}, after as long a
     * warm-up (unmeasured, so the JIT has compiled the hot paths of every node): throughput and latency.
     */
    static void throughput(HttpRpcClient rpc, String viewService, int clients, int seconds) throws Exception {
        putLoad(rpc, viewService, clients, seconds, new Latencies());
        Latencies latencies = new Latencies();
        double elapsed = putLoad(rpc, viewService, clients, seconds, latencies);
        System.out.printf(Locale.ROOT, "pb put, %d client(s): %d ops in %.1f s = %.0f ops/s, p50 %.2f ms, p99 %.2f ms%n",
                clients, latencies.count(), elapsed, latencies.count() / elapsed,
                latencies.percentileMs(50), latencies.percentileMs(99));
    }

    private static double putLoad(HttpRpcClient rpc, String viewService, int clients, int seconds, Latencies latencies)
            throws InterruptedException {
        String value = "v".repeat(100);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                PbClient ck = new PbClient(rpc, viewService, new Retry(Duration.ofSeconds(10)), "bench-" + client);
                for (int i = 0; i < MAX_OPS_PER_CLIENT && System.nanoTime() - end < 0; i++) {
                    long t0 = System.nanoTime();
                    ck.put("key-" + client + "-" + (i % 1000), value);
                    latencies.add(System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Puts and gets (half each) of 256-byte values over 8-byte keys from a 10,000-key space against
     * a Paxos key/value group, client {@code c} starting at replica {@code c mod n}; after a warm-up
     * as long as the measurement.
     */
    static void paxosKv(HttpRpcClient rpc, List<String> replicas, int clients, int seconds) throws Exception {
        kvLoad(rpc, replicas, clients, seconds, new Latencies(), new Latencies());
        Latencies puts = new Latencies();
        Latencies gets = new Latencies();
        double elapsed = kvLoad(rpc, replicas, clients, seconds, puts, gets);
        System.out.printf(Locale.ROOT, "paxos-kv, %d client(s): %.0f ops/s; put p50 %.2f ms p99 %.2f ms; get p50 %.2f ms p99 %.2f ms%n",
                clients, (puts.count() + gets.count()) / elapsed, puts.percentileMs(50), puts.percentileMs(99),
                gets.percentileMs(50), gets.percentileMs(99));
    }

    private static double kvLoad(HttpRpcClient rpc, List<String> replicas, int clients, int seconds,
            Latencies puts, Latencies gets) throws InterruptedException {
        String value = "v".repeat(256);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                List<String> order = new ArrayList<>(replicas);
                Collections.rotate(order, -(client % replicas.size()));
                PaxosKvClient ck = new PaxosKvClient(rpc, order, new Retry(Duration.ofSeconds(10)), "bench-" + client + "-" + start);
                Random random = new Random(client);
                for (int i = 0; i < MAX_OPS_PER_CLIENT && System.nanoTime() - end < 0; i++) {
                    String key = String.format(Locale.ROOT, "k%07d", random.nextInt(10_000));
                    long t0 = System.nanoTime();
                    if (random.nextBoolean()) {
                        ck.put(key, value);
                        puts.add(System.nanoTime() - t0);
                    } else {
                        ck.get(key);
                        gets.add(System.nanoTime() - t0);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e9;
    }

    /** One client reading the view for {@code seconds}: the cost of one HTTP round trip through our RPC client. */
    static void rpcFloor(HttpRpcClient rpc, String viewService, int seconds) {
        ViewServiceClient views = new ViewServiceClient(rpc, viewService);
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int i = 0; i < MAX_OPS_PER_CLIENT && System.nanoTime() - end < 0; i++) {
            long t0 = System.nanoTime();
            views.tryView();
            latencies.add(System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "rpc floor (GET view, 1 client): %d calls, p50 %.2f ms, p99 %.2f ms%n",
                latencies.count(), latencies.percentileMs(50), latencies.percentileMs(99));
    }

    /**
     * Kills the primary's process (kill -9) while a client writes, and reports how long after the
     * kill the first write completes, which can only be through the new primary. Repeats while a
     * backup remains.
     */
    static void failover(HttpRpcClient rpc, String viewService, Map<String, Long> pids) throws Exception {
        ViewServiceClient views = new ViewServiceClient(rpc, viewService);
        PbClient ck = new PbClient(rpc, viewService, new Retry(Duration.ofSeconds(30)), "bench-failover");
        for (int round = 1; ; round++) {
            View view = awaitPair(views, ck);
            if (view == null) {
                return;
            }
            for (int i = 0; i < 50; i++) {
                ck.put("warm", "w" + i);
            }
            long pid = pids.get(view.primary());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            long killed = System.nanoTime();
            ck.put("after-kill-" + round, "x");
            double ms = (System.nanoTime() - killed) / 1e6;
            System.out.printf(Locale.ROOT, "pb failover %d: primary %s killed; first write through the new primary after %.0f ms%n",
                    round, view.primary(), ms);
        }
    }

    /** Waits (bounded) for a primary with a backup that serves; null if none comes. */
    private static View awaitPair(ViewServiceClient views, PbClient ck) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() - end < 0) {
            View view = views.tryView().orElse(View.INITIAL);
            if (view.primary() != null && view.backup() != null) {
                ck.put("probe", "p");
                return view;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static Map<String, Long> parsePids(String spec) {
        Map<String, Long> pids = new HashMap<>();
        for (String pair : spec.split(",")) {
            String[] parts = pair.split("=");
            pids.put(parts[0], Long.parseLong(parts[1]));
        }
        return pids;
    }
}
