package dev.ds.spring.security;

import dev.ds.rpc.ErrorCode;
import dev.ds.spring.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code cluster.secret} set, node-to-node calls ({@code /internal/**}) and operator calls
 * ({@code /admin/**}) must carry {@code Authorization: Bearer <secret>}; client APIs stay open.
 */
final class ClusterSecretFilter extends OncePerRequestFilter {

    private final byte[] expected;
    private final JsonMapper mapper;

    ClusterSecretFilter(String secret, JsonMapper mapper) {
        this.expected = ("Bearer " + secret).getBytes(StandardCharsets.UTF_8);
        this.mapper = mapper;
    }

    /**
     * Decides on the path as Tomcat decoded and normalized it, which is what Spring MVC maps to a
     * handler: the raw request URI would let {@code /%69nternal/echo} or {@code /api/../internal/echo}
     * reach an internal handler without the secret.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !(path.startsWith("/internal/") || path.startsWith("/admin/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            response.setHeader("WWW-Authenticate", "Bearer");
            Problems.write(response, mapper, ErrorCode.ErrUnauthorized,
                    "this path needs the cluster secret: Authorization: Bearer <cluster.secret>");
            return;
        }
        chain.doFilter(request, response);
    }
}
