package dev.ds.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.deploy.Compose.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Prometheus scrapes every node; the Grafana dashboard reads only metrics the code registers. */
class MonitoringTest {

    private final Compose compose = Compose.load();
    private final Map<String, Object> prometheus = Repo.yaml("deploy/prometheus/prometheus.yml");
    private final JsonNode dashboard = JsonMapper.builder().build().readTree(Repo.read("deploy/grafana/dashboards/ds.json"));

    @Test
    void prometheusScrapesTheActuatorOfEveryNodeAndNothingElse() {
        Set<String> targets = new TreeSet<>();
        for (Object job : Repo.list(prometheus.get("scrape_configs"))) {
            assertThat(Repo.at(job, "metrics_path")).as("job " + Repo.at(job, "job_name")).isEqualTo("/actuator/prometheus");
            for (Object staticConfig : Repo.list(Repo.at(job, "static_configs"))) {
                Repo.list(Repo.at(staticConfig, "targets")).forEach(t -> targets.add(String.valueOf(t)));
                assertThat(Repo.at(staticConfig, "labels", "service")).as("a service label on " + staticConfig).isNotNull();
            }
        }
        Set<String> nodes = new TreeSet<>();
        for (Service node : compose.nodes()) {
            nodes.add(node.name() + ":" + node.port());
        }
        assertThat(targets).containsExactlyInAnyOrderElementsOf(nodes);
    }

    /**
     * Prometheus sends no credentials, which is right only while the cluster secret guards
     * /internal/** and /admin/** alone: this reads the filter's rule so that a change there fails here.
     */
    @Test
    void scrapingNeedsNoSecretBecauseTheFilterGuardsOnlyInternalAndAdmin() {
        String filter = Repo.read("spring-support/src/main/java/dev/ds/spring/security/ClusterSecretFilter.java");
        assertThat(filter).contains("return !(path.startsWith(\"/internal/\") || path.startsWith(\"/admin/\"));")
                .doesNotContain("/actuator");
        for (Object job : Repo.list(prometheus.get("scrape_configs"))) {
            assertThat(Repo.map(job)).doesNotContainKeys("authorization", "bearer_token", "basic_auth");
        }
    }

    @Test
    void theScannerSeesMetersOfEveryKind() {
        Map<String, MeterNames.Type> meters = MeterNames.inCode();
        assertThat(meters).containsEntry("kv.ops", MeterNames.Type.TIMER)
                .containsEntry("paxos.min", MeterNames.Type.GAUGE)
                .containsEntry("mapreduce.tasks.completed", MeterNames.Type.COUNTER)
                .containsEntry("paxos.rounds.per.decision", MeterNames.Type.SUMMARY)
                .containsEntry("mapreduce.bytes.read.bytes", MeterNames.Type.COUNTER);
        assertThat(MeterNames.prometheusSeries()).contains("kv_ops_seconds_count", "paxos_min",
                "mapreduce_tasks_completed_total", "mapreduce_bytes_read_bytes_total")
                .doesNotContain("kv_ops_total", "paxos_min_total", "mapreduce_bytes_read_total");
    }

    @Test
    void promQlMetricsAreTheSeriesNotTheFunctionsOrLabels() {
        assertThat(PromQl.metrics("sum by (service) (rate(kv_ops_seconds_sum{outcome!=\"ok\"}[1m])) "
                + "/ sum by (service) (rate(kv_ops_seconds_count[1m]))"))
                .containsExactly("kv_ops_seconds_sum", "kv_ops_seconds_count");
        assertThat(PromQl.metrics("max(viewservice_viewnum) or pb_viewnum")).containsExactly("viewservice_viewnum", "pb_viewnum");
    }

    @Test
    void everyMetricTheDashboardQueriesExistsInTheCode() {
        Set<String> known = MeterNames.prometheusSeries();
        List<String> expressions = expressions();
        assertThat(expressions).hasSizeGreaterThan(10);
        for (String expression : expressions) {
            Set<String> metrics = PromQl.metrics(expression);
            assertThat(metrics).as("metrics of " + expression).isNotEmpty();
            assertThat(known).as("series the code registers, for " + expression).containsAll(metrics);
        }
    }

    @Test
    void theDashboardCoversWhatTheIssueAsksFor() {
        Set<String> used = new LinkedHashSet<>();
        expressions().forEach(e -> used.addAll(PromQl.metrics(e)));
        assertThat(used).contains("kv_ops_seconds_count", "kv_ops_seconds_sum", "viewservice_viewnum", "pb_viewnum",
                "shardmaster_config", "paxos_min", "paxos_max", "paxos_retained", "mapreduce_tasks_completed_total");
        assertThat(String.join("\n", expressions())).contains("by (service)");
    }

    @Test
    void panelsUseTheProvisionedDatasource() {
        Map<String, Object> provisioned = Repo.map(Repo.list(
                Repo.yaml("deploy/grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0));
        assertThat(provisioned.get("url")).isEqualTo("http://prometheus:9090");
        for (JsonNode panel : panels()) {
            assertThat(panel.at("/datasource/uid").asString()).as(panel.at("/title").asString())
                    .isEqualTo(provisioned.get("uid"));
        }
        Object path = Repo.at(Repo.list(Repo.yaml("deploy/grafana/provisioning/dashboards/ds.yml").get("providers")).get(0),
                "options", "path");
        assertThat(compose.service("grafana").volumes()).anyMatch(v -> v.endsWith(":" + path + ":ro"));
    }

    private List<JsonNode> panels() {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (!panel.get("type").asString().equals("row")) {
                panels.add(panel);
            }
        }
        return panels;
    }

    private List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels()) {
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }
}
