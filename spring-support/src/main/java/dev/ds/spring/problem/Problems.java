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
        write(response, mapper, code, code.status(), detail);
    }

    /** The same with a status of its own (one the code stands for, such as 414 for {@code ErrBadRequest}). */
    public static void write(HttpServletResponse response, JsonMapper mapper, ErrorCode code, int status,
            String detail) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known != null ? known.getReasonPhrase() : "Error");
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code.name());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(body));
    }
}
