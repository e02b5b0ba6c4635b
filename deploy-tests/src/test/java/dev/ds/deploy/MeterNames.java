package dev.ds.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Micrometer meters this repository registers (found in every module's src/main/java), and the
 * Prometheus series they become under Micrometer's Prometheus naming: dots to underscores, the
 * base unit appended, {@code _total} on counters, {@code _seconds_count/_sum/_max} on timers.
 */
final class MeterNames {

    enum Type { GAUGE, COUNTER, TIMER, SUMMARY }

    /** Meters that Spring Boot and Prometheus provide, not this code; the dashboard may use these. */
    static final Map<String, Type> BUILT_IN = Map.of(
            "http.server.requests", Type.TIMER,
            "jvm.memory.used.bytes", Type.GAUGE);
    static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Gauge|TimeGauge|Counter|FunctionCounter|Timer|FunctionTimer|LongTaskTimer|DistributionSummary)"
                    + "\\.builder\\(\\s*\"([A-Za-z0-9_.]+)\"");
    private static final Pattern REGISTRY_SHORTCUT = Pattern.compile(
            "\\.(gauge|counter|timer|summary)\\(\\s*\"([A-Za-z0-9_.]+)\"");
    private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\\s*\"([a-z]+)\"");

    private MeterNames() {
    }

    /** Meter name (with its base unit, if any, appended as Prometheus does) to type. */
    static Map<String, Type> inCode() {
        Map<String, Type> meters = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Repo.ROOT)) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(src -> scan(src, meters));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meters;
    }

    private static void scan(Path src, Map<String, Type> meters) {
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).map(Repo::read).forEach(code -> {
                Matcher builder = BUILDER.matcher(code);
                while (builder.find()) {
                    String statement = code.substring(builder.start(), statementEnd(code, builder.start()));
                    Matcher unit = BASE_UNIT.matcher(statement);
                    String name = builder.group(2) + (unit.find() ? "." + unit.group(1) : "");
                    meters.put(name, type(builder.group(1)));
                }
                Matcher shortcut = REGISTRY_SHORTCUT.matcher(code);
                while (shortcut.find()) {
                    meters.put(shortcut.group(2), type(shortcut.group(1)));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statementEnd(String code, int from) {
        int end = code.indexOf(';', from);
        return end < 0 ? code.length() : end;
    }

    private static Type type(String builder) {
        return switch (builder.toLowerCase()) {
            case "gauge", "timegauge" -> Type.GAUGE;
            case "counter", "functioncounter" -> Type.COUNTER;
            case "timer", "functiontimer", "longtasktimer" -> Type.TIMER;
            default -> Type.SUMMARY;
        };
    }

    /** Every Prometheus series name the meters of the code and the built-ins produce. */
    static Set<String> prometheusSeries() {
        Set<String> series = new LinkedHashSet<>(PROMETHEUS_OWN);
        Map<String, Type> meters = new TreeMap<>(inCode());
        meters.putAll(BUILT_IN);
        meters.forEach((name, type) -> series.addAll(series(name, type)));
        return series;
    }

    static Set<String> series(String meter, Type type) {
        String base = meter.replace('.', '_');
        return switch (type) {
            case GAUGE -> Set.of(base);
            case COUNTER -> Set.of(base + "_total");
            case TIMER -> Set.of(base + "_seconds_count", base + "_seconds_sum", base + "_seconds_max",
                    base + "_seconds_bucket");
            case SUMMARY -> Set.of(base + "_count", base + "_sum", base + "_max", base + "_bucket");
        };
    }
}
