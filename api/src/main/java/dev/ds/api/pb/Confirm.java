package dev.ds.api.pb;

/** The primary of {@code viewnum} asks its backup whether it is still the primary. */
public record Confirm(long viewnum, String primary) {
}
