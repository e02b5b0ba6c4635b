package dev.ds.spring.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ds.rpc.Wire;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What {@link ApiDocument} adds to a node's {@code /v3/api-docs}, on a node with chaos and a secret. */
@ChaosNode
class ApiDocumentTest extends NodeTest {

    private static final String PROBLEM_REF = "/content/application~1problem+json/schema/$ref";

    private JsonNode document;

    @BeforeEach
    void fetch() throws IOException {
        document = Wire.mapper().readTree(http.get("/v3/api-docs").body());
    }

    @Test
    void namesDescribesAndVersionsTheService() {
        assertThat(document.at("/info/title").asString()).isNotEqualTo("OpenAPI definition").isNotBlank();
        assertThat(document.at("/info/description").asString()).isNotBlank();
        assertThat(document.at("/info/version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
    }

    @Test
    void adminAndInternalPathsNeedTheBearerSecretAndApiPathsDoNot() {
        assertThat(document.at("/components/securitySchemes/clusterSecret/scheme").asString()).isEqualTo("bearer");
        for (String operation : new String[] {"/~1admin~1chaos/get", "/~1admin~1chaos/put", "/~1admin~1chaos/delete",
                "/~1internal~1echo/post"}) {
            JsonNode op = document.at("/paths" + operation);
            assertThat(op.at("/security/0/clusterSecret").isArray()).as(operation).isTrue();
            assertThat(op.at("/responses/401" + PROBLEM_REF).asString()).as(operation)
                    .isEqualTo("#/components/schemas/Problem");
        }
        JsonNode echo = document.at("/paths/~1api~1echo/post");
        assertThat(echo.at("/security").isArray()).isTrue();
        assertThat(echo.at("/security").isEmpty()).isTrue();
        assertThat(echo.at("/responses/401").isMissingNode()).isTrue();
    }

    @Test
    void everyErrorAnswerIsAProblemWithACode() {
        assertThat(document.at("/components/schemas/Problem/properties/code/enum").toString())
                .contains("ErrNoKey", "ErrWrongGroup", "ErrTimeout", "ErrBadRequest");
        JsonNode echo = document.at("/paths/~1api~1echo/post/responses");
        assertThat(echo.at("/400" + PROBLEM_REF).asString()).isEqualTo("#/components/schemas/Problem");
        assertThat(echo.at("/500" + PROBLEM_REF).asString()).isEqualTo("#/components/schemas/Problem");
        JsonNode declared = document.at("/paths/~1api~1wrong-group~1{key}/get/responses/421");
        assertThat(declared.at("/description").asString()).isEqualTo("ErrWrongGroup: always");
        assertThat(declared.at("/content").propertyNames()).as("a declared error answer is a problem, not the handler's type")
                .containsExactly("application/problem+json");
        assertThat(document.at("/paths/~1api~1bug/get/responses/400").isMissingNode())
                .as("an operation without input has no 400 to declare").isTrue();
        assertThat(document.at("/paths/~1api~1bug/get/responses/406" + PROBLEM_REF).asString())
                .isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void theChaosApiIsDocumented() {
        assertThat(document.at("/paths/~1admin~1chaos").propertyNames()).contains("get", "put", "delete");
        assertThat(document.at("/paths/~1admin~1chaos/put/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Faults");
    }
}
