package dev.ds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every role's document says which role it is, and every role documents the chaos API. */
class ServiceDocumentsTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyRoleHasItsOwnTitleADescriptionAndTheProjectVersion() {
        Set<String> titles = new HashSet<>();
        for (Map.Entry<String, String> document : ServiceDocuments.all().entrySet()) {
            JsonNode info = json.readTree(document.getValue()).path("info");
            assertThat(info.path("title").asString()).as(document.getKey()).startsWith("ds ");
            assertThat(info.path("description").asString()).as(document.getKey()).hasSizeGreaterThan(40);
            assertThat(info.path("version").asString()).as(document.getKey()).matches("\\d+\\.\\d+\\.\\d+.*");
            titles.add(info.path("title").asString());
        }
        assertThat(titles).as("one title per role").hasSize(ServiceDocuments.all().size());
    }

    @Test
    void everyRoleDocumentsTheChaosApiBehindTheSecret() {
        ServiceDocuments.all().forEach((role, document) -> {
            JsonNode chaos = json.readTree(document).path("paths").path("/admin/chaos");
            assertThat(chaos.propertyNames()).as(role).contains("get", "put", "delete");
            assertThat(chaos.path("put").path("security").path(0).has("clusterSecret")).as(role).isTrue();
        });
    }
}
