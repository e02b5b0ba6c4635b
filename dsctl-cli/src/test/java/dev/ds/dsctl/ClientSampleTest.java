package dev.ds.dsctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.client.kv.AsyncKvClient;
import dev.ds.client.paxoskv.PaxosKvClient;
import dev.ds.paxoskv.boot.PaxosKvApplication;
import dev.ds.testkit.cluster.Await;
import dev.ds.testkit.http.LocalHttp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Java client as a user meets it, against one live paxos-kv replica: the sample in
 * client/README.md compiled and run exactly as written, and clients that give back their threads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSampleTest {

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path temp;

    private ConfigurableApplicationContext node;
    private String url;

    @BeforeAll
    void start() {
        url = LocalHttp.baseUrls(LocalHttp.freePorts(1)).get(0);
        node = new SpringApplicationBuilder(PaxosKvApplication.class).run("--server.address=127.0.0.1",
                "--server.port=" + url.substring(url.lastIndexOf(':') + 1), "--node.peers=" + url, "--node.me=0",
                "--node.data-dir=" + temp.resolve("kv"), "--logging.level.root=WARN");
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Test
    void readmeSampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Repo.root().resolve("client/README.md"));
        Matcher block = JAVA_BLOCK.matcher(readme);
        assertThat(block.find()).as("a ```java block in client/README.md").isTrue();
        Path source = temp.resolve("src/Sample.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, block.group(1));
        Path classes = Files.createDirectories(temp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, null, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass("Sample").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {url});
        } finally {
            System.setOut(stdout);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("hello world\nhello world!\n");
    }

    @Test
    void closedClientsLeaveNoThreadsBehind() {
        Set<Thread> before = threads();
        Set<Thread> theirs = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            try (AsyncKvClient kv = PaxosKvClient.builder().replicas(url).build().async()) {
                kv.put("k" + i, "v").join();
                assertThat(kv.get("k" + i).join()).contains("v");
                Set<Thread> open = threads();
                open.removeAll(before);
                theirs.addAll(open);
            }
        }
        // An open client has its own threads: the async pool and its HTTP pool's idle-connection evictor.
        assertThat(theirs).extracting(Thread::getName).anyMatch(n -> n.startsWith("ds-kv-async"))
                .anyMatch(n -> n.startsWith("idle-connection-evictor"));
        theirs.removeIf(t -> !t.getName().startsWith("ds-kv-async") && !t.getName().startsWith("idle-connection-evictor"));
        Await.until("the closed clients' threads to end", Duration.ofSeconds(10),
                () -> theirs.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The repository root, found from the module folder the tests run in. */
    static final class Repo {
        static Path root() {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.exists(dir.resolve("client/README.md"))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException("no client/README.md above " + Path.of("").toAbsolutePath());
            }
            return dir;
        }
    }
}
