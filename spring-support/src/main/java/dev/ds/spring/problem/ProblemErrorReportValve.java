package dev.ds.spring.problem;

import dev.ds.rpc.ErrorCode;
import dev.ds.rpc.Wire;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error answers as problems with a {@code code}. A request Tomcat refuses before any
 * servlet sees it (a path that does not decode, such as {@code /api/kv/%00}) is answered by the
 * host's error report valve, which writes an HTML page; this one writes the same problem document
 * as every other error (status 400 gives {@code ErrBadRequest}, and so on: {@link ErrorCode#forStatus}).
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.resetBuffer();
            String detail = status == 400 ? "the request could not be read (for example, a path that does not decode)"
                    : "the server answered " + status + " before any handler saw the request";
            Problems.write(response.getResponse(), Wire.mapper(), ErrorCode.forStatus(status), status, detail);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            log.debug("could not write the error answer", e);
        }
    }
}
