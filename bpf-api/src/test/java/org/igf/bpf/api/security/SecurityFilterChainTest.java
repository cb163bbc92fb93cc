package org.igf.bpf.api.security;

import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Security's filter chain runs without the handler lookup Spring Security would put before it. */
@ApiTest
class SecurityFilterChainTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noHandlerLookupRunsBeforeTheFilterChain() {
        Object chain = context.getBean(WithoutHandlerLookupFilter.FILTER_CHAIN);

        assertThat(chain.getClass().getName()).doesNotContain("WebMvcSecurityConfiguration");
    }
}
