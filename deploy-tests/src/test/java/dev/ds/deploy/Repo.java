package dev.ds.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The repository these tests check, found upwards from the working directory, and its files. */
final class Repo {

    static final Path ROOT = findRoot();

    private Repo() {
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<module>deploy-tests</module>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no parent pom.xml listing deploy-tests above " + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        return read(path(relative));
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One YAML document; SnakeYAML's safe constructor resolves anchors and merge keys as Compose does. */
    static Map<String, Object> yaml(String relative) {
        return map(yamlParser().load(read(relative)));
    }

    /** Every document of a multi-document YAML file (Kubernetes manifests), empty ones left out. */
    static List<Map<String, Object>> yamlAll(String relative) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yamlParser().loadAll(read(relative))) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return documents;
    }

    /** docker-compose.yml uses anchors on every service, above SnakeYAML's default guard of 50. */
    private static Yaml yamlParser() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(1000);
        return new Yaml(new SafeConstructor(options));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map)) {
            throw new AssertionError("expected a YAML mapping, got " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List)) {
            throw new AssertionError("expected a YAML sequence, got " + node);
        }
        return (List<Object>) node;
    }

    /** A nested value by keys, or null where a key is missing. */
    static Object at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }
}
