package dev.ds.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Dockerfile, the probe it ships (dshttp, run for real here) and the compose smoke script. */
class DockerImageTest {

    private final String dockerfile = Repo.read("Dockerfile");
    private HttpServer server;
    private final AtomicReference<String> received = new AtomicReference<>();

    @Test
    void baseImageIsABuildArgumentDefaultingToAJava21Jre() {
        Matcher arg = Pattern.compile("(?m)^ARG BASE_IMAGE=(\\S+)$").matcher(dockerfile);
        assertThat(arg.find()).as("ARG BASE_IMAGE=... before FROM").isTrue();
        assertThat(dockerfile.indexOf("ARG BASE_IMAGE")).isLessThan(dockerfile.indexOf("FROM "));
        Matcher version = Pattern.compile("(\\d+)-jre").matcher(arg.group(1));
        assertThat(version.find()).as(arg.group(1) + " names a JRE version").isTrue();
        assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
        assertThat(dockerfile).containsPattern("(?m)^FROM \\$\\{BASE_IMAGE}$");
    }

    @Test
    void copiesTheModulesJarAndRunsItAsANonRootUser() {
        assertThat(dockerfile).containsPattern("(?m)^ARG MODULE$")
                .contains("COPY --chown=${UID}:0 ${MODULE}/target/${MODULE}.jar /app/app.jar")
                .containsPattern("(?m)^ENTRYPOINT \\[\"java\", \"-jar\", \"/app/app.jar\"]$")
                .containsPattern("(?m)^EXPOSE \\$\\{PORT}$")
                .contains("JAVA_TOOL_OPTIONS=");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        Matcher uid = Pattern.compile("(?m)^ARG UID=(\\d+)$").matcher(dockerfile);
        assertThat(uid.find()).isTrue();
        assertThat(Integer.parseInt(uid.group(1))).as("non-root uid").isPositive();
        assertThat(user.group(1)).isEqualTo("${UID}:0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*dshttp .*/actuator/health");
    }

    @Test
    void everyServiceModuleBuildsTheJarPathTheImageCopies() {
        for (String module : List.of("viewservice-service", "paxos-kv-service", "shardmaster-service", "shardkv-service",
                "mapreduce-service")) {
            assertThat(Repo.read(module + "/pom.xml")).as(module).contains("<finalName>${project.artifactId}</finalName>");
            // Spelled out per module: Compose v1's builder does not look into folders for !*/target/*.jar.
            assertThat(Repo.read(".dockerignore")).contains("\n!" + module + "/target/" + module + ".jar\n");
        }
        assertThat(Repo.read(".dockerignore")).contains("!deploy/docker/");
        assertThat(Repo.path("deploy/docker/dshttp")).isExecutable();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/up", exchange -> answer(exchange.getResponseBody(), exchange, 200, "{\"status\":\"UP\"}", false));
        server.createContext("/down", exchange -> answer(exchange.getResponseBody(), exchange, 503, "{\"status\":\"DOWN\"}", false));
        server.createContext("/chunked", exchange -> answer(exchange.getResponseBody(), exchange, 200, "{\"status\":\"UP\"}", true));
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(body, StandardCharsets.UTF_8));
            answer(exchange.getResponseBody(), exchange, 201, "{}", false);
        });
        server.start();
    }

    private static void answer(OutputStream out, com.sun.net.httpserver.HttpExchange exchange, int status, String body,
            boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        out.write(bytes);
        out.close();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws Exception {
        assumeTrue(Files.isExecutable(java.nio.file.Path.of("/bin/bash")) || Files.isExecutable(java.nio.file.Path.of("/usr/bin/bash")),
                "bash is needed to run the scripts");
        ProcessBuilder builder = new ProcessBuilder(command).directory(Repo.ROOT.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("finished: " + String.join(" ", command)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private Run dshttp(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/docker/dshttp"));
        command.addAll(List.of(args));
        return run(Map.of(), command.toArray(String[]::new));
    }

    @Test
    void probeSucceedsOn2xxAndFailsOtherwise() throws Exception {
        Run up = dshttp(url("/up"));
        assertThat(up.exit()).isZero();
        assertThat(up.out().trim()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(dshttp(url("/down")).exit()).isEqualTo(1);
        Run chunked = dshttp(url("/chunked"));
        assertThat(chunked.exit()).isZero();
        assertThat(chunked.out().trim()).as("chunked body decoded").isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void probePostsJsonWithItsByteLength() throws Exception {
        String body = "{\"gid\":100,\"servers\":[\"http://h\u00e9:1\"]}";
        assertThat(dshttp("-d", body, url("/echo")).exit()).isZero();
        assertThat(received.get()).isEqualTo("POST application/json " + body);
    }

    @Test
    void probeFailsWithoutAServerOrAUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertThat(dshttp("http://127.0.0.1:" + closedPort + "/").exit()).isEqualTo(2);
        Run usage = dshttp("localhost:8080/x");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("usage: dshttp");
    }

    @Test
    void smokeScriptParsesAndSaysClearlyWhenDockerIsMissing() throws Exception {
        assertThat(Repo.path("scripts/compose-smoke.sh")).isExecutable();
        assertThat(run(Map.of(), "bash", "-n", "scripts/compose-smoke.sh").exit()).isZero();
        Run withoutDocker = run(Map.of("PATH", "/nonexistent"), "/bin/bash", "scripts/compose-smoke.sh");
        assertThat(withoutDocker.exit()).isNotZero();
        assertThat(withoutDocker.err()).contains("docker is not installed");
        String script = Repo.read("scripts/compose-smoke.sh");
        assertThat(script).contains("apt-get install", "docker.io", "docker-compose", "dockerd", "compose.host-network.yml",
                "down -v", "/api/kv/", "/admin/chaos", "kill -9", "/api/jobs", "\"app\\\":\\\"wordcount");
    }
}
