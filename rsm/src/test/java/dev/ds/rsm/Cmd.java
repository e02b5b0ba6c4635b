package dev.ds.rsm;

/** A test command: append {@code text} to the replicated string. */
record Cmd(String id, String clientId, Long seq, String text) implements Entry.Numbered {

    static Cmd noop(String id) {
        return new Cmd(id, null, null, null);
    }

    @Override
    public boolean isNoop() {
        return text == null;
    }
}
