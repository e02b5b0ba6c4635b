package dev.ds.api.mapreduce;

/** Names one job, in the path of {@code GET /api/jobs/{id}}. */
public record JobId(String id) {

    public JobId {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must be given");
        }
    }
}
