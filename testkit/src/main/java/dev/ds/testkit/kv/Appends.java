package dev.ds.testkit.kv;

/**
 * The append checks of the 6.824 tests: client {@code c} appends {@code "x c i y"} for i = 0, 1,
 * ...; in the final value each of those must appear exactly once, and in the order sent.
 */
public final class Appends {

    private Appends() {
    }

    public static String element(int client, int i) {
        return "x " + client + " " + i + " y";
    }

    /** Throws AssertionError naming the first element missing, duplicated or out of order. */
    public static void check(String value, int client, int count) {
        int last = -1;
        for (int i = 0; i < count; i++) {
            String wanted = element(client, i);
            int at = value.indexOf(wanted);
            if (at < 0) {
                throw new AssertionError("missing element " + wanted + " in append result");
            }
            if (value.indexOf(wanted, at + 1) >= 0) {
                throw new AssertionError("duplicate element " + wanted + " in append result");
            }
            if (at <= last) {
                throw new AssertionError("wrong order for element " + wanted + " in append result");
            }
            last = at;
        }
    }
}
