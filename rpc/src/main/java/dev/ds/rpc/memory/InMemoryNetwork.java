package dev.ds.rpc.memory;

import dev.ds.rpc.Endpoint;
import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.Faults;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.rpc.Routes;
import dev.ds.rpc.Wire;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process network of named nodes with the 6.824 fault switches.
 *
 * <p>Faults are per node and follow {@link Faults}: the callee's drop rates, delay and deafness
 * apply to requests it receives, and a caller cannot reach a peer in its own or the peer's
 * {@code blockedPeers}. {@link #partition} sets those sets for whole groups; {@link #kill} makes a
 * node unreachable and mute until {@link #server} registers it again.
 */
public final class InMemoryNetwork {

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Map<String, Faults> faults = new ConcurrentHashMap<>();
    private final Random random;
    private final long seed;
    private final JsonMapper mapper = Wire.mapper();
    private volatile long reorderMaxMs;

    public InMemoryNetwork(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    public long seed() {
        return seed;
    }

    /** Registers (or, after a kill, re-registers) a node and returns it so handlers can be added. */
    public Server server(String address) {
        Node node = new Node(address);
        nodes.put(address, node);
        return node;
    }

    /** A client whose calls come from {@code from}: a node's own address, or any name for a test clerk. */
    public RpcClient client(String from) {
        return new Client(from);
    }

    /** Crashes a node: it executes nothing more and its in-flight replies are lost. */
    public void kill(String address) {
        Node node = nodes.get(address);
        if (node != null) {
            node.alive = false;
        }
    }

    public boolean isAlive(String address) {
        Node node = nodes.get(address);
        return node != null && node.alive;
    }

    public void setFaults(String address, Faults settings) {
        faults.put(address, settings);
    }

    public Faults faults(String address) {
        return faults.getOrDefault(address, Faults.NONE);
    }

    /** The 6.824 "unreliable" switch for the given nodes: drops 10% of requests and 20% of replies. */
    public void setUnreliable(boolean unreliable, Collection<String> addresses) {
        for (String address : addresses) {
            Faults current = faults(address);
            setFaults(address, unreliable
                    ? current.withDrops(Faults.UNRELIABLE.dropRequestRate(), Faults.UNRELIABLE.dropReplyRate())
                    : current.withDrops(0, 0));
        }
    }

    /** Delays each request and each reply by a random time up to {@code maxMs}, so messages overtake each other. */
    public void setReordering(long maxMs) {
        this.reorderMaxMs = maxMs;
    }

    /** Splits the given nodes into groups that can talk only among themselves. */
    @SafeVarargs
    public final void partition(Collection<String>... groups) {
        Set<String> everyone = new HashSet<>();
        for (Collection<String> group : groups) {
            everyone.addAll(group);
        }
        for (Collection<String> group : groups) {
            Set<String> others = new HashSet<>(everyone);
            others.removeAll(group);
            for (String address : group) {
                setFaults(address, faults(address).withBlockedPeers(others));
            }
        }
    }

    /** Removes every partition; drop rates, delays and deafness stay as they are. */
    public void heal() {
        faults.replaceAll((address, f) -> f.withBlockedPeers(Set.of()));
    }

    /** Requests that reached {@code address} and were executed there, over all endpoints. */
    public long rpcCount(String address) {
        Node node = nodes.get(address);
        return node == null ? 0 : node.counters.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Requests of one endpoint that reached {@code address} and were executed there. */
    public long rpcCount(String address, Endpoint<?, ?> endpoint) {
        Node node = nodes.get(address);
        AtomicLong counter = node == null ? null : node.counters.get(endpoint.name());
        return counter == null ? 0 : counter.get();
    }

    private boolean chance(double rate) {
        if (rate <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < rate;
        }
    }

    private void pause(long fixedMs) {
        long max = reorderMaxMs;
        long ms = fixedMs;
        if (max > 0) {
            synchronized (random) {
                ms += random.nextLong(max + 1);
            }
        }
        if (ms > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A node's handlers; the public face lets a test or harness register them. */
    public interface Server {
        <Q, R> Server handle(Endpoint<Q, R> endpoint, Function<Q, R> handler);

        /** Mounts every route a runtime class describes. */
        default Server serve(Routes routes) {
            routes.list().forEach(route -> mount(this, route));
            return this;
        }

        String address();
    }

    private static <Q, R> void mount(Server server, Routes.Route<Q, R> route) {
        server.handle(route.endpoint(), route.handler());
    }

    /** A handler and the request type it parses, which need not be the type the caller sent. */
    private record Handler(Class<?> requestType, Function<Object, Object> function) {
    }

    private static final class Node implements Server {
        private final String address;
        private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
        private volatile boolean alive = true;

        Node(String address) {
            this.address = address;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <Q, R> Server handle(Endpoint<Q, R> endpoint, Function<Q, R> handler) {
            handlers.put(endpoint.name(), new Handler(endpoint.requestType(), request -> handler.apply((Q) request)));
            return this;
        }

        @Override
        public String address() {
            return address;
        }
    }

    private final class Client implements RpcClient {
        private final String from;

        Client(String from) {
            this.from = from;
        }

        @Override
        public <Q, R> Optional<R> call(String to, Endpoint<Q, R> endpoint, Q request) {
            Node source = nodes.get(from);
            Node target = nodes.get(to);
            if ((source != null && !source.alive) || target == null || !target.alive || cut(from, to)) {
                return Optional.empty();
            }
            Faults calleeFaults = faults(to);
            pause(calleeFaults.delayMs());
            if (calleeFaults.deaf() || chance(calleeFaults.dropRequestRate())) {
                return Optional.empty();
            }
            Handler handler = target.handlers.get(endpoint.name());
            if (handler == null) {
                throw new ProblemException(ErrorCode.ErrNotFound, to + " serves no endpoint " + endpoint);
            }
            Object delivered = roundTrip(request, handler.requestType(), true);
            target.counters.computeIfAbsent(endpoint.name(), n -> new AtomicLong()).incrementAndGet();
            Object reply;
            ProblemException problem = null;
            try {
                reply = handler.function().apply(delivered);
            } catch (ProblemException e) {
                reply = null;
                problem = e;
            }
            pause(0);
            if (!target.alive || cut(from, to) || chance(calleeFaults.dropReplyRate())) {
                return Optional.empty();
            }
            if (problem != null) {
                throw new ProblemException(problem.code(), problem.detail(), problem.properties());
            }
            return Optional.of(roundTrip(reply, endpoint.replyType(), false));
        }

        private boolean cut(String a, String b) {
            return faults(a).blockedPeers().contains(b) || faults(b).blockedPeers().contains(a);
        }

        /**
         * Serializes and parses a message exactly as HTTP would. A request the peer cannot parse
         * is its 400, as over HTTP; a reply we cannot parse is a bug in the protocol's types.
         */
        private <T> T roundTrip(Object message, Class<T> type, boolean isRequest) {
            try {
                return mapper.readValue(mapper.writeValueAsBytes(message), type);
            } catch (JacksonException e) {
                if (isRequest) {
                    throw ProblemException.badRequest(e.getOriginalMessage());
                }
                throw new IllegalStateException("reply of type " + type.getName() + " does not round-trip", e);
            }
        }
    }
}
