package dev.ds.contract;

import dev.ds.mapreduce.boot.MapReduceApplication;
import dev.ds.paxoskv.boot.PaxosKvApplication;
import dev.ds.shardkv.boot.ShardKvApplication;
import dev.ds.shardmaster.boot.ShardMasterApplication;
import dev.ds.viewservice.boot.ViewServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The OpenAPI document of every role, as a running node serves it at {@code /v3/api-docs}, written
 * to {@code target/openapi/<role>.json}.
 *
 * <p>Each role starts once, in this JVM, on a free port of 127.0.0.1, with the chaos API on (so
 * {@code /admin/chaos} is in its document) and peers that do not exist: a document does not depend
 * on whether the node can reach anyone. The documents are fetched once per JVM and shared by the tests.
 */
final class ServiceDocuments {

    static final Path FOLDER = Path.of("target", "openapi");

    /** Nobody listens on port 9 of 127.0.0.1 (discard), so calls to it fail at once. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private static Map<String, String> documents;

    private ServiceDocuments() {
    }

    /** Role name to its document's JSON, in a fixed order. */
    static synchronized Map<String, String> all() {
        if (documents == null) {
            documents = fetchAll();
        }
        return documents;
    }

    static List<Path> files() {
        List<Path> files = new ArrayList<>();
        all().keySet().forEach(role -> files.add(FOLDER.resolve(role + ".json").toAbsolutePath()));
        return files;
    }

    private static Map<String, String> fetchAll() {
        Map<String, String> fetched = new LinkedHashMap<>();
        fetched.put("viewservice", fetch(ViewServiceApplication.class, "--role=viewservice", "--paxos.enabled=false"));
        fetched.put("pbserver", fetch(ViewServiceApplication.class, "--role=pbserver", "--paxos.enabled=false",
                "--node.self=" + NOWHERE, "--viewservice.url=" + NOWHERE));
        fetched.put("paxos-kv", fetch(PaxosKvApplication.class, paxosGroup()));
        fetched.put("shardmaster", fetch(ShardMasterApplication.class, paxosGroup()));
        fetched.put("shardkv", fetch(ShardKvApplication.class, with(paxosGroup(),
                "--shardkv.gid=100", "--shardkv.shardmasters=" + NOWHERE)));
        fetched.put("mapreduce-coordinator", fetch(MapReduceApplication.class, "--role=coordinator",
                "--paxos.enabled=false"));
        fetched.put("mapreduce-worker", fetch(MapReduceApplication.class, "--role=worker", "--paxos.enabled=false",
                "--node.self=" + NOWHERE, "--mapreduce.coordinator=" + NOWHERE));
        try {
            Files.createDirectories(FOLDER);
            for (Map.Entry<String, String> document : fetched.entrySet()) {
                Files.writeString(FOLDER.resolve(document.getKey() + ".json"), document.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fetched;
    }

    /** A one-member group kept in memory: enough for the node to start and serve its document. */
    private static String[] paxosGroup() {
        return new String[] {"--node.peers=" + NOWHERE, "--node.me=0", "--paxos.storage=memory"};
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String fetch(Class<?> application, String... args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(List.of("--server.port=0", "--server.address=127.0.0.1", "--chaos.enabled=true",
                "--logging.level.root=WARN"));
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(application)
                .run(arguments.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) node).getWebServer().getPort();
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(application.getSimpleName() + " " + args[0]
                        + ": /v3/api-docs answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
