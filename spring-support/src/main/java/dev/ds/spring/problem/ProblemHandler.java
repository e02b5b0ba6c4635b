package dev.ds.spring.problem;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every error a node answers is an RFC 9457 problem with a contract {@code code}: our own {@link
 * ProblemException}s, Spring MVC's own errors (unreadable body, unknown path, wrong verb, wrong
 * media type), and, as {@code ErrInternal}, anything else, which is a bug and is logged as one.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException e) {
        return ResponseEntity.status(e.code().status())
                .body(Problems.of(e.code(), e.code().status(), e.detail(), e.properties()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> onTypeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(Problems.of(ErrorCode.ErrBadRequest,
                e.getName() + ": not a valid " + (e.getRequiredType() == null
                        ? "value" : e.getRequiredType().getSimpleName().toLowerCase()) + ": " + e.getValue()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> onIllegalArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Problems.of(ErrorCode.ErrBadRequest, e.getMessage()));
    }

    /** A body sent as multipart/form-data that is not one: bad input, not a bug. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> onMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(Problems.of(ErrorCode.ErrBadRequest,
                "body: not a valid multipart request; send application/json"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onBug(Exception e) {
        log.error("Unexpected error answering a request", e);
        return ResponseEntity.internalServerError().body(Problems.of(ErrorCode.ErrInternal,
                "internal error (" + e.getClass().getSimpleName() + "); the node's log has the details"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(Problems.of(ErrorCode.ErrBadRequest, describeUnreadable(e)));
    }

    /** Adds the {@code code} to the problems Spring MVC builds for its own exceptions. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ErrorCode code = ErrorCode.forStatus(status.value());
        if (status.value() == 415 || status.value() == 406) {
            code = ErrorCode.ErrBadRequest;
        }
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("code", code.name());
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * Says which field of a request body is wrong and why. A wire record rejects a bad field in its
     * constructor with an IllegalArgumentException whose message starts with the field's name.
     */
    static String describeUnreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
                return invalid.getMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabindException databind) {
                String where = databind.getPath().isEmpty()
                        ? "body" : databind.getPathReference().replaceAll("^[^\\[]*", "body");
                return where + ": " + databind.getOriginalMessage();
            }
            if (t instanceof JacksonException jackson) {
                return "malformed JSON: " + jackson.getOriginalMessage();
            }
        }
        return "request body: missing or not JSON";
    }
}
