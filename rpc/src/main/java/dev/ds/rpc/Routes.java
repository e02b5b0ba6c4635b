package dev.ds.rpc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * What a node serves: each {@link Endpoint} bound once to its handler. A protocol's runtime class
 * describes its routes here, and a transport mounts them; the in-memory network mounts every route
 * as it is ({@code InMemoryNetwork.Server.serve}), so production code never names the network
 * its tests run on.
 */
public final class Routes {

    /** One endpoint and the function that answers it. */
    public record Route<Q, R>(Endpoint<Q, R> endpoint, Function<Q, R> handler) {
    }

    private final List<Route<?, ?>> routes;

    private Routes(List<Route<?, ?>> routes) {
        this.routes = Collections.unmodifiableList(routes);
    }

    public static Routes none() {
        return new Routes(List.of());
    }

    /** These routes and one more; an endpoint bound twice is a programming error. */
    public <Q, R> Routes on(Endpoint<Q, R> endpoint, Function<Q, R> handler) {
        return and(new Routes(List.of(new Route<>(endpoint, handler))));
    }

    /** These routes and {@code more}, as one node serves them. */
    public Routes and(Routes more) {
        List<Route<?, ?>> all = new ArrayList<>(routes);
        for (Route<?, ?> route : more.routes) {
            if (all.stream().anyMatch(r -> r.endpoint().name().equals(route.endpoint().name()))) {
                throw new IllegalArgumentException("endpoint bound twice: " + route.endpoint());
            }
            all.add(route);
        }
        return new Routes(all);
    }

    public List<Route<?, ?>> list() {
        return routes;
    }
}
