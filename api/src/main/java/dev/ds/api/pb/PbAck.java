package dev.ds.api.pb;

/** The backup's yes to a forward, a confirmation or a transfer, for the view it names. */
public record PbAck(long viewnum) {
}
