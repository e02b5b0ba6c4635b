package dev.ds.api.pb;

import dev.ds.api.kv.KvWrite;

/**
 * A write the primary of {@code viewnum} sends its backup; the backup applies it at most once. A
 * write without a client carries the primary's own {@code requestId} instead, so that a forward
 * sent again after a lost reply is still applied once.
 */
public record Forward(long viewnum, String primary, KvWrite write, String requestId) {
}
