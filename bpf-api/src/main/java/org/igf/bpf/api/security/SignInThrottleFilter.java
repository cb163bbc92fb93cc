package org.igf.bpf.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Refuses a sign-in attempt (HTTP Basic, or the sign-in form) while its account or client is
 * throttled, before the password is checked.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    /** How a refused attempt is answered: a problem for the API, a redirect for the pages. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException;
    }

    private final SignInThrottle throttle;
    private final Refusal refusal;

    public SignInThrottleFilter(SignInThrottle throttle, Refusal refusal) {
        this.throttle = throttle;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (username == null && "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            username = request.getParameter("username");
        }
        if (username != null) {
            long retryAfter = throttle.retryAfterSeconds(username, request.getRemoteAddr());
            if (retryAfter > 0) {
                refusal.refuse(request, response, retryAfter);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
