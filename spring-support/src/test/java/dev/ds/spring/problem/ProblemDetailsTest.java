package dev.ds.spring.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.ProblemException;
import dev.ds.rpc.RpcClient;
import dev.ds.spring.testapp.ChaosNode;
import dev.ds.spring.testapp.NodeHttp;
import dev.ds.spring.testapp.NodeTest;
import dev.ds.spring.testapp.NodeHttp.Answer;
import dev.ds.spring.testapp.TestApi;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error is an RFC 9457 problem with a contract {@code code} (CONTRACT.md section 2). */
@ChaosNode
class ProblemDetailsTest extends NodeTest {

    @Autowired
    RpcClient rpc;

    @Test
    void malformedJsonIsABadRequestThatSaysSo() throws IOException {
        Answer answer = http.post("/api/echo", "{\"text\": ");

        Map<String, Object> problem = assertProblem(answer, 400, ErrorCode.ErrBadRequest);
        assertThat((String) problem.get("detail")).containsIgnoringCase("JSON");
    }

    @Test
    void aFieldOfTheWrongTypeIsABadRequestNamingTheField() throws IOException {
        Answer answer = http.post("/api/echo", "{\"text\": \"a\", \"n\": \"many\"}");

        Map<String, Object> problem = assertProblem(answer, 400, ErrorCode.ErrBadRequest);
        assertThat((String) problem.get("detail")).contains("\"n\"");
    }

    @Test
    void aMissingBodyIsABadRequest() throws IOException {
        assertProblem(http.post("/api/echo", ""), 400, ErrorCode.ErrBadRequest);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() throws IOException {
        Answer answer = http.send("POST", "/api/echo", "text", "Content-Type", "text/plain");

        assertProblem(answer, 415, ErrorCode.ErrBadRequest);
    }

    @Test
    void aBodyThatClaimsToBeMultipartButIsNotIsABadRequest() throws IOException {
        Answer answer = http.send("POST", "/api/echo", "{\"text\": \"a\"}", "Content-Type", "multipart/form-data");

        assertProblem(answer, 400, ErrorCode.ErrBadRequest);
    }

    @Test
    void anUnknownPathIsNotFound() throws IOException {
        assertProblem(http.get("/api/no-such-thing"), 404, ErrorCode.ErrNotFound);
        assertProblem(http.post("/api/no-such-thing", "{}"), 404, ErrorCode.ErrNotFound);
    }

    @Test
    void aWrongVerbIsMethodNotAllowed() throws IOException {
        assertProblem(http.get("/api/echo"), 405, ErrorCode.ErrMethodNotAllowed);
    }

    @Test
    void aProblemExceptionBecomesItsStatusCodeAndMembers() throws IOException {
        Answer answer = http.get("/api/wrong-group/k1");

        Map<String, Object> problem = assertProblem(answer, 421, ErrorCode.ErrWrongGroup);
        assertThat(problem).containsEntry("shard", 3).containsEntry("gid", 101)
                .containsKey("title");
        assertThat((String) problem.get("detail")).contains("k1");
    }

    @Test
    void thePeersProblemComesBackToTheCallerAsTheSameException() {
        ProblemException thrown = catchThrowableOfType(ProblemException.class,
                () -> rpc.call(http.baseUrl(), TestApi.WRONG_GROUP, "a key/with spaces"));

        assertThat(thrown).as("the RpcClient must throw, not return").isNotNull();
        assertThat(thrown.code()).isEqualTo(ErrorCode.ErrWrongGroup);
        assertThat(thrown.properties()).containsEntry("shard", 3).containsEntry("gid", 101);
        assertThat(thrown.detail()).contains("a key/with spaces");
    }

    @Test
    void anUnexpectedExceptionIsAnInternalError() throws IOException {
        assertProblem(http.get("/api/bug"), 500, ErrorCode.ErrInternal);
    }

    static Map<String, Object> assertProblem(Answer answer, int status, ErrorCode code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = answer.json();
        assertThat(problem).containsEntry("status", status).containsEntry("code", code.name());
        return problem;
    }
}
