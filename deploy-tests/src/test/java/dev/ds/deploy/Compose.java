package dev.ds.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docker-compose.yml as Compose sees it with no variables set: {@code ${VAR:-default}} becomes
 * the default and {@code $$} a dollar, in every string of the file.
 */
final class Compose {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?}");

    final Map<String, Object> raw;
    final Set<String> variablesWithoutDefault = new LinkedHashSet<>();
    final Set<String> variables = new LinkedHashSet<>();

    private Compose(Map<String, Object> raw) {
        this.raw = Repo.map(interpolate(raw));
    }

    static Compose load() {
        return new Compose(Repo.yaml("docker-compose.yml"));
    }

    Map<String, Service> services() {
        Map<String, Service> services = new LinkedHashMap<>();
        Repo.map(raw.get("services")).forEach((name, body) -> services.put(name, new Service(name, Repo.map(body))));
        return services;
    }

    Service service(String name) {
        Service service = services().get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** The long-running Java nodes: a ds image run with its own entry point (not the one-shots: the join, the books). */
    List<Service> nodes() {
        return services().values().stream().filter(Service::isNode).toList();
    }

    Set<String> namedVolumes() {
        Object volumes = raw.get("volumes");
        return volumes == null ? Set.of() : Repo.map(volumes).keySet();
    }

    private Object interpolate(Object node) {
        if (node instanceof String s) {
            return substitute(s);
        }
        if (node instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, interpolate(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(interpolate(v)));
            return copy;
        }
        return node;
    }

    private String substitute(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else {
                variables.add(m.group(1));
                if (m.group(2) == null) {
                    variablesWithoutDefault.add(m.group(1));
                }
                replacement = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /** One service of the file. */
    record Service(String name, Map<String, Object> raw) {

        String image() {
            return (String) raw.get("image");
        }

        boolean isNode() {
            return image() != null && image().startsWith("ds/") && !raw.containsKey("entrypoint")
                    && !"no".equals(raw.get("restart"));
        }

        /** Spring settings from the {@code --key=value} arguments. */
        Map<String, String> settings() {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String arg : command()) {
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new AssertionError(name + ": argument " + arg + " is not --key=value");
                }
                settings.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            return settings;
        }

        String setting(String key) {
            return settings().get(key);
        }

        List<String> command() {
            Object command = raw.get("command");
            return command == null ? List.of() : Repo.list(command).stream().map(String::valueOf).toList();
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            Object environment = raw.get("environment");
            if (environment instanceof Map<?, ?> m) {
                m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
            } else if (environment instanceof List<?> l) {
                for (Object entry : l) {
                    String[] kv = String.valueOf(entry).split("=", 2);
                    env.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            return env;
        }

        /** server.port, which the nodes take from SERVER_PORT. */
        int port() {
            String port = environment().get("SERVER_PORT");
            if (port == null) {
                throw new AssertionError(name + " sets no SERVER_PORT");
            }
            return Integer.parseInt(port);
        }

        String baseUrl() {
            return "http://" + name + ":" + port();
        }

        /** depends_on as service to condition, the short list form meaning service_started. */
        Map<String, String> dependsOn() {
            Map<String, String> conditions = new LinkedHashMap<>();
            Object dependsOn = raw.get("depends_on");
            if (dependsOn instanceof List<?> l) {
                l.forEach(s -> conditions.put(String.valueOf(s), "service_started"));
            } else if (dependsOn instanceof Map<?, ?> m) {
                m.forEach((s, c) -> conditions.put(String.valueOf(s), String.valueOf(Repo.at(c, "condition"))));
            }
            return conditions;
        }

        List<String> volumes() {
            Object volumes = raw.get("volumes");
            return volumes == null ? List.of() : Repo.list(volumes).stream().map(String::valueOf).toList();
        }

        List<String> healthcheck() {
            Object test = Repo.at(raw, "healthcheck", "test");
            return test == null ? List.of() : Repo.list(test).stream().map(String::valueOf).toList();
        }
    }
}
