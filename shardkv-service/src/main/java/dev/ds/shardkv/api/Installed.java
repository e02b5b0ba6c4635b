package dev.ds.shardkv.api;

/** Whether the new owner has installed a shard, so its old owner may delete the frozen copy. */
public record Installed(boolean installed) {
}
