package org.igf.bpf.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Hands Spring MVC an API request that answers its HTTP method from a field. To find the handler of a
 * path with a variable ({@code /api/forums/{id}/comments}, say) Spring MVC tries every request mapping
 * in turn, and each asks the request's method at least twice; by then the request is wrapped several
 * times over (Spring Security's wrappers, the size limit's), so every one of those calls went down the
 * whole chain of wrappers: in a recording of comment requests, most samples in the wrappers were that
 * walk. The last filter before the dispatcher, so that its request is the one the dispatcher asks; no
 * filter changes a request's method.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class RequestMethodFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new MethodReadOnce(request), response);
    }

    /** The request, with its method read once. */
    static final class MethodReadOnce extends HttpServletRequestWrapper {
        private final String method;

        MethodReadOnce(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}
