package org.igf.bpf.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMethodFilterTest {

    private final RequestMethodFilter filter = new RequestMethodFilter();
    private final AtomicInteger methodAsked = new AtomicInteger();

    /** The request as the filters before it leave it: wrapped, each method call going down to Tomcat's. */
    private HttpServletRequest wrapped(String method, String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        request.setAttribute("seen-by", "security");
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                methodAsked.incrementAndGet();
                return super.getMethod();
            }
        };
    }

    @Test
    void theDispatcherGetsTheMethodOfAnApiRequestReadOnce() throws Exception {
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(wrapped("POST", "/api/forums/f-1/comments"), new MockHttpServletResponse(), chain);

        HttpServletRequest dispatched = (HttpServletRequest) chain.getRequest();
        for (int i = 0; i < 120; i++) { // about what trying every request mapping asks
            assertThat(dispatched.getMethod()).isEqualTo("POST");
        }
        assertThat(methodAsked).hasValue(1);
        assertThat(dispatched.getRequestURI()).isEqualTo("/api/forums/f-1/comments");
        assertThat(dispatched.getAttribute("seen-by")).isEqualTo("security");
    }

    @Test
    void requestsOutsideTheApiPassAsTheyAre() throws Exception {
        HttpServletRequest page = wrapped("GET", "/forums/f-1/consultation");
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(page, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(page);
    }
}
