package dev.ds.spring.openapi;

import dev.ds.rpc.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Completes the document springdoc derives from the controllers with what the controllers cannot
 * say about themselves: which service this is, the problem document every error answer carries
 * (CONTRACT.md section 2), and that {@code /internal/**} and {@code /admin/**} need the cluster
 * secret while {@code /api/**} stays open.
 *
 * <p>A controller declares its own error answers with {@code @ApiResponse(responseCode, description)};
 * this class gives every 4xx and 5xx answer the problem body, and adds the answers every operation
 * shares: 400 when it takes input, 401 behind the secret, 406 for an Accept header without JSON,
 * and 500 for a bug.
 */
final class ApiDocument {

    static final String PROBLEM = "Problem";
    static final String SECRET = "clusterSecret";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final ApiDescription description;
    private final String version;

    ApiDocument(ApiDescription description, String version) {
        this.description = description;
        this.version = version;
    }

    /** The project version, which Maven writes into {@code version.properties} at build time. */
    static String projectVersion() {
        try (InputStream in = ApiDocument.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void customise(OpenAPI api) {
        api.info(new Info().title(description.title()).description(description.description()).version(version));
        // Every node serves the document for itself, so the only true server is the one that answered.
        api.servers(List.of(new Server().url("/").description("the node that served this document")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components.addSchemas(PROBLEM, problemSchema()).addSecuritySchemes(SECRET, secretScheme()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> {
            boolean secured = path.startsWith("/internal/") || path.startsWith("/admin/");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
                complete(entry.getValue(), secured);
            }
        });
    }

    private static void complete(Operation operation, boolean secured) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            declare(responses, "400", "ErrBadRequest: the request is malformed or invalid; detail names the "
                    + "field and why");
        }
        if (secured) {
            operation.security(List.of(new SecurityRequirement().addList(SECRET)));
            declare(responses, "401", "ErrUnauthorized: cluster.secret is set and the request does not carry "
                    + "Authorization: Bearer <cluster.secret>");
        } else {
            operation.security(List.of());
        }
        declare(responses, "406", "ErrBadRequest: the Accept header rules out every media type this "
                + "operation answers with");
        declare(responses, "500", "ErrInternal: a bug in the node; its log has the details");
        // springdoc gives a declared error answer the handler's return type; the node answers a problem.
        responses.forEach((status, response) -> {
            if (isError(status) && response.get$ref() == null) {
                response.content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
    }

    private static void declare(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    /** RFC 9457 problem details with the contract's {@code code}, as {@code Problems} builds them. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An error answer (RFC 9457 problem details) with a machine-readable code")
                .addProperty("type", new StringSchema().description("always about:blank"))
                .addProperty("title", new StringSchema().description("the HTTP status's reason phrase"))
                .addProperty("status", new IntegerSchema().description("the HTTP status"))
                .addProperty("detail", new StringSchema().description("what went wrong, for a person"))
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("code", new StringSchema()._enum(Arrays.stream(ErrorCode.values()).map(Enum::name).toList())
                        .description("what went wrong, for a program"))
                .addProperty("shard", new IntegerSchema().description("ErrWrongGroup only: the key's shard"))
                .addProperty("gid", new IntegerSchema().description(
                        "ErrWrongGroup only: the shard's owner in the answering node's latest configuration"))
                .required(List.of("status", "title", "code"));
    }

    private static SecurityScheme secretScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("The shared cluster.secret. When a node has one, every /internal/** and /admin/** "
                        + "request must carry Authorization: Bearer <cluster.secret>; /api/** stays open.");
    }
}
