package dev.ds.rpc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem document as it appears on the wire: {@code status}, {@code title},
 * {@code detail}, {@code code} and any extra members. Used to read a peer's error answer.
 */
public record Problem(int status, String title, String detail, String code, Map<String, Object> extra) {

    private static final List<String> STANDARD_MEMBERS = List.of("type", "title", "status", "detail", "instance", "code");

    /** Turns a problem answered by a peer back into the exception its handler threw. */
    public ProblemException toException() {
        ErrorCode errorCode;
        try {
            errorCode = code == null ? ErrorCode.forStatus(status) : ErrorCode.valueOf(code);
        } catch (IllegalArgumentException unknownCode) {
            errorCode = ErrorCode.forStatus(status);
        }
        return new ProblemException(errorCode, detail == null ? title : detail, extra == null ? Map.of() : extra);
    }

    /** Reads the members of a parsed problem body. */
    public static Problem fromMap(int status, Map<String, Object> body) {
        Map<String, Object> extra = new LinkedHashMap<>(body);
        extra.keySet().removeAll(STANDARD_MEMBERS);
        return new Problem(status, asString(body.get("title")), asString(body.get("detail")),
                asString(body.get("code")), extra);
    }

    private static String asString(Object value) {
        return value == null ? null : value.toString();
    }
}
