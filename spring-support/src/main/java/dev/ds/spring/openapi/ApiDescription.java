package dev.ds.spring.openapi;

/**
 * What a node's OpenAPI document says it is: declared as a bean by each service or role, so that a
 * client generator (and a person reading Swagger UI) sees "ds view service", not "OpenAPI definition".
 *
 * @param title the service and role, for example {@code ds view service}
 * @param description what the service does, in a sentence or two
 */
public record ApiDescription(String title, String description) {

    public ApiDescription {
        if (title == null || title.isBlank() || description == null || description.isBlank()) {
            throw new IllegalArgumentException("an API description needs a title and a description");
        }
    }
}
