package dev.ds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/API.md and the services agree on the public calls: every client ({@code /api/**}) and
 * operator ({@code /admin/**}) call in any role's OpenAPI document is in docs/API.md, written as
 * {@code `METHOD /path`}, and every call written so there is one a service publishes.
 */
class ApiMarkdownTest {

    private static final Pattern CALL = Pattern.compile("`(GET|PUT|POST|DELETE|PATCH) (/(?:api|admin)/[^`\\s]*)`");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyPublishedClientAndAdminCallIsDocumented() throws IOException {
        assertThat(documented()).containsAll(published());
    }

    @Test
    void everyDocumentedCallIsPublished() throws IOException {
        assertThat(published()).containsAll(documented());
    }

    private static Set<String> documented() throws IOException {
        Matcher calls = CALL.matcher(Files.readString(Repo.ROOT.resolve("docs/API.md")));
        Set<String> documented = new TreeSet<>();
        while (calls.find()) {
            documented.add(calls.group(1) + " " + calls.group(2));
        }
        assertThat(documented).as("calls written as `METHOD /path` in docs/API.md").isNotEmpty();
        return documented;
    }

    private static Set<String> published() {
        JsonMapper json = JsonMapper.builder().build();
        Set<String> published = new TreeSet<>();
        for (String document : ServiceDocuments.all().values()) {
            JsonNode paths = json.readTree(document).path("paths");
            for (String path : paths.propertyNames()) {
                if (!path.startsWith("/api/") && !path.startsWith("/admin/")) {
                    continue;
                }
                for (String method : paths.path(path).propertyNames()) {
                    if (METHODS.contains(method)) {
                        published.add(method.toUpperCase(Locale.ROOT) + " " + path);
                    }
                }
            }
        }
        return published;
    }
}
