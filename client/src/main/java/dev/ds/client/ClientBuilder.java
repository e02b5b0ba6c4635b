package dev.ds.client;

import dev.ds.rpc.RpcClient;
import dev.ds.rpc.Wire;
import dev.ds.rpc.http.HttpRpcClient;
import dev.ds.rpc.http.HttpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What every client's builder shares: the transport, the retry deadline, and for clients that write,
 * the at-most-once identity ({@code clientId}, and the last {@code seq} it used).
 *
 * <p>Without {@link #rpc} a client makes its own HTTP transport from {@link #httpSettings} and
 * releases it, with its pooled connections and its idle-connection thread, when it is closed. A
 * transport given with {@link #rpc} is shared, and stays open: its owner closes it.
 *
 * @param <B> the concrete builder, so that the shared setters chain
 * @param <C> the client it builds
 */
public abstract class ClientBuilder<B extends ClientBuilder<B, C>, C> {

    private RpcClient rpc;
    private HttpSettings httpSettings = HttpSettings.DEFAULTS;
    private Duration retryDeadline = Retry.DEFAULT.deadline();
    private String clientId;
    private long lastSeq;

    /** Calls go through {@code shared} (the in-memory network in tests, or one pool for many clients). */
    public B rpc(RpcClient shared) {
        this.rpc = Objects.requireNonNull(shared, "rpc");
        return self();
    }

    /** Timeouts, pool size and bearer token of the HTTP transport the client makes for itself. */
    public B httpSettings(HttpSettings settings) {
        this.httpSettings = Objects.requireNonNull(settings, "httpSettings");
        return self();
    }

    /** How long a call retries before it throws {@link NoReplyException}; 10 s unless set. */
    public B retryDeadline(Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("retryDeadline must be positive, was " + deadline);
        }
        this.retryDeadline = deadline;
        return self();
    }

    /**
     * The at-most-once identity of writes; a random UUID unless set. A client that keeps its id
     * across runs must also give the last {@code seq} it used, see {@link #lastSeq}.
     */
    public B clientId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            throw new IllegalArgumentException("clientId must have 1 to 128 characters");
        }
        this.clientId = id;
        return self();
    }

    /** The {@code seq} of this id's last write: the next write carries {@code lastSeq + 1}. */
    public B lastSeq(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("lastSeq must be >= 0, was " + seq);
        }
        this.lastSeq = seq;
        return self();
    }

    public abstract C build();

    @SuppressWarnings("unchecked")
    protected B self() {
        return (B) this;
    }

    protected Retry retry() {
        return new Retry(retryDeadline);
    }

    protected String clientIdOrRandom() {
        return clientId != null ? clientId : UUID.randomUUID().toString();
    }

    protected long lastSeqValue() {
        return lastSeq;
    }

    /** The transport to use, and whether the client owns it (and so must close it). */
    protected Transport transport() {
        if (rpc != null) {
            return new Transport(rpc, false);
        }
        return new Transport(new HttpRpcClient(Wire.mapper(), httpSettings), true);
    }

    /** {@code url}, or an {@link IllegalArgumentException} naming the setting when it was not given. */
    protected static String required(String setting, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(setting + ": must be given");
        }
        return url;
    }

    /** {@code urls}, or an {@link IllegalArgumentException} naming the setting when there are none. */
    protected static List<String> required(String setting, List<String> urls) {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException(setting + ": at least one");
        }
        return List.copyOf(urls);
    }

    /** A builder of a client of one replica group: its replicas' base URLs, in any order (required). */
    public abstract static class OfGroup<B extends OfGroup<B, C>, C> extends ClientBuilder<B, C> {

        private List<String> replicas = List.of();

        /** Base URLs of the replicas, in any order. */
        public B replicas(List<String> urls) {
            this.replicas = urls;
            return self();
        }

        public B replicas(String... urls) {
            return replicas(List.of(urls));
        }

        protected List<String> replicas() {
            return required("replicas", replicas);
        }
    }

    /** A builder of a client that starts at the view service: its base URL (required). */
    public abstract static class OfViewService<B extends OfViewService<B, C>, C> extends ClientBuilder<B, C> {

        private String viewService;

        /** Base URL of the view service, which names the primary. */
        public B viewService(String url) {
            this.viewService = url;
            return self();
        }

        protected String viewService() {
            return required("viewService", viewService);
        }
    }

    /** A client's transport: closed with the client only when the client made it. */
    public record Transport(RpcClient rpc, boolean owned) implements AutoCloseable {

        /** A transport someone else owns: closing the client leaves it open. */
        public static Transport shared(RpcClient rpc) {
            return new Transport(rpc, false);
        }

        @Override
        public void close() {
            if (owned && rpc instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing the HTTP transport failed", e);
                }
            }
        }
    }
}
