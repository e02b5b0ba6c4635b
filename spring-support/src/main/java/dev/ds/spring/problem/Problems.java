package dev.ds.spring.problem;

import dev.ds.rpc.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem documents with a contract {@code code}, for handlers and for filters. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, int status, String detail, Map<String, Object> extra) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setProperty("code", code.name());
        extra.forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code, code.status(), detail, Map.of());
    }

    /** Writes a problem from a servlet filter, which runs outside Spring MVC's exception handling. */
    public static void write(HttpServletResponse response, JsonMapper mapper, ErrorCode code, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.valueOf(code.status()).getReasonPhrase());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.name());
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(body));
    }
}
