package dev.ds.spring.chaos;

import dev.ds.rpc.Faults;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * The inbound half of the fault model, in front of everything else Tomcat does with a request.
 *
 * <p>A Tomcat valve rather than a servlet filter, because only at this level can a request be
 * answered with nothing at all: "dropped" means the connection closes without a response, which
 * is what a lost message looks like to the caller. A dropped reply is dropped after the request has
 * been fully processed, as in 6.824. {@code /admin/**} and {@code /actuator/**} are never touched,
 * so an operator can always see and undo what was done.
 */
final class ChaosValve extends ValveBase {

    private final ChaosState state;

    ChaosValve(ChaosState state) {
        super(true);
        this.state = state;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String path = request.getDecodedRequestURI();
        // No decoded path (a URI Tomcat could not decode, such as one with %00): Tomcat refuses it
        // further on; faults apply to requests a node would process.
        if (path == null || path.startsWith("/admin/") || path.startsWith("/actuator")) {
            getNext().invoke(request, response);
            return;
        }
        Faults faults = state.get();
        if (faults.delayMs() > 0) {
            sleep(faults.delayMs());
        }
        if (faults.deaf() || state.roll(faults.dropRequestRate())) {
            closeWithoutAnswer(response);
            return;
        }
        getNext().invoke(request, response);
        if (state.roll(faults.dropReplyRate())) {
            closeWithoutAnswer(response);
        }
    }

    /**
     * Discards whatever the response holds and tells Tomcat to close the connection at once, so the
     * caller reads end-of-stream instead of a status line.
     */
    private static void closeWithoutAnswer(Response response) {
        response.setSuspended(true);
        response.getCoyoteResponse().action(ActionCode.CLOSE_NOW, null);
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
