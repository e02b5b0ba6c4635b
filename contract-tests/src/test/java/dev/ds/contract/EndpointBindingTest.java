package dev.ds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.api.kv.KvApi;
import dev.ds.api.mapreduce.MapReduceApi;
import dev.ds.api.pb.PbApi;
import dev.ds.api.shardmaster.ShardMasterApi;
import dev.ds.api.view.ViewServiceApi;
import dev.ds.paxos.api.PaxosApi;
import dev.ds.rpc.Endpoint;
import dev.ds.rsm.runtime.Horizon;
import dev.ds.rsm.runtime.SnapshotTransfer;
import dev.ds.shardkv.api.ShardKvApi;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each remote call is described once, as an {@link Endpoint} that both transports use: the
 * in-memory network mounts a runtime class's {@code Routes} as they are, and HTTP serves them
 * through a Spring controller. This test holds the two together: every endpoint a role serves is
 * in that role's running OpenAPI document with the same verb, path and query parameters, and every
 * protocol path in the document is an endpoint, so a controller and its endpoint cannot drift apart.
 */
class EndpointBindingTest {

    /** Which protocols each role serves, by the classes that declare their endpoints. */
    private static final Map<String, List<Class<?>>> SERVED = new LinkedHashMap<>();

    static {
        SERVED.put("viewservice", List.of(ViewServiceApi.class));
        SERVED.put("pbserver", List.of(KvApi.class, PbApi.class));
        SERVED.put("paxos-kv", List.of(PaxosApi.class, KvApi.class, SnapshotTransfer.class));
        SERVED.put("shardmaster", List.of(PaxosApi.class, ShardMasterApi.class, SnapshotTransfer.class,
                Horizon.class));
        SERVED.put("shardkv", List.of(PaxosApi.class, KvApi.class, ShardKvApi.class, SnapshotTransfer.class));
        SERVED.put("mapreduce-coordinator", List.of(MapReduceApi.class));
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEndpointIsServedOverHttpWithItsVerbPathAndQuery() {
        List<String> problems = new ArrayList<>();
        SERVED.forEach((role, protocols) -> {
            JsonNode paths = json.readTree(ServiceDocuments.all().get(role)).path("paths");
            for (Endpoint<?, ?> endpoint : endpoints(protocols)) {
                String[] template = endpoint.pathTemplate().split("\\?", 2);
                JsonNode operation = paths.path(template[0]).path(endpoint.verb().name().toLowerCase(Locale.ROOT));
                if (operation.isMissingNode()) {
                    problems.add(role + ": " + endpoint + " has no HTTP mapping");
                    continue;
                }
                Set<String> query = template.length == 2 ? variables(template[1]) : Set.of();
                Set<String> documented = parameters(operation, "query");
                if (!documented.containsAll(query)) {
                    problems.add(role + ": " + endpoint + " sends query " + query + ", HTTP takes " + documented);
                }
                Set<String> pathVariables = variables(template[0]);
                if (!parameters(operation, "path").equals(pathVariables)) {
                    problems.add(role + ": " + endpoint + " path variables " + pathVariables + ", HTTP has "
                            + parameters(operation, "path"));
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyProtocolPathOverHttpIsAnEndpoint() {
        List<String> unbound = new ArrayList<>();
        SERVED.forEach((role, protocols) -> {
            Set<String> bound = new TreeSet<>();
            endpoints(protocols).forEach(e -> bound.add(e.verb().name().toLowerCase(Locale.ROOT) + " "
                    + e.pathTemplate().split("\\?", 2)[0]));
            JsonNode paths = json.readTree(ServiceDocuments.all().get(role)).path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                if (!path.getKey().startsWith("/internal/") && !path.getKey().startsWith("/api/")) {
                    continue;
                }
                for (String verb : path.getValue().propertyNames()) {
                    if (!bound.contains(verb + " " + path.getKey())) {
                        unbound.add(role + ": " + verb + " " + path.getKey());
                    }
                }
            }
        });
        assertThat(unbound).as("HTTP mappings with no Endpoint").isEmpty();
    }

    private static List<Endpoint<?, ?>> endpoints(List<Class<?>> protocols) {
        List<Endpoint<?, ?>> endpoints = new ArrayList<>();
        for (Class<?> protocol : protocols) {
            for (Field field : protocol.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Endpoint.class.equals(field.getType())) {
                    try {
                        endpoints.add((Endpoint<?, ?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints of " + protocols).isNotEmpty();
        return endpoints;
    }

    private static Set<String> variables(String template) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = VARIABLE.matcher(template);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Set<String> parameters(JsonNode operation, String in) {
        Set<String> names = new TreeSet<>();
        operation.path("parameters").forEach(p -> {
            if (in.equals(p.path("in").asString())) {
                names.add(p.path("name").asString());
            }
        });
        return names;
    }
}
