package dev.ds.rsm.boot;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wakes this node's replica after each Paxos message it receives ({@code /internal/paxos/**}). A
 * decision another replica made arrives that way; the replica's driver, which sleeps up to its quiet
 * interval when idle, then applies it at once instead of at its next timer. A service registers it
 * as a bean over its replica's {@code wake}.
 */
public class PaxosTrafficWake extends OncePerRequestFilter {

    private static final String PAXOS = "/internal/paxos/";

    private final Runnable wake;

    public PaxosTrafficWake(Runnable wake) {
        this.wake = wake;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PAXOS);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            wake.run();
        }
    }
}
