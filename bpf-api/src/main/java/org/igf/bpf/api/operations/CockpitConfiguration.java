package org.igf.bpf.api.operations;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.igf.bpf.api.security.Roles;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.Map;

/**
 * Camunda's web applications (Cockpit, Admin, Tasklist) under /camunda, for the secretariat only,
 * signed in with the dashboard's session: Spring Security checks the role and sends anyone else to the
 * dashboard's sign-in page; Camunda's container-based authentication then takes the signed-in user.
 */
@Configuration(proxyBeanMethods = false)
public class CockpitConfiguration {

    /** After the dashboard API chain, before the dashboard pages and SecurityConfiguration's chains. */
    public static final int COCKPIT_ORDER = 45;

    @Bean
    @Order(COCKPIT_ORDER)
    SecurityFilterChain cockpitSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(path.matcher("/camunda/**"))
                .csrf(csrf -> csrf.disable()) // Camunda's web applications bring their own CSRF filter
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                        new LoginUrlAuthenticationEntryPoint("/login?next=/camunda/app/cockpit/default/")))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(Roles.SECRETARIAT));
        return http.build();
    }

    /** Runs after Spring Security's filter (order -100), so the security context is there to read. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitSignInFilter() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("cockpit-sign-in");
        registration.setInitParameters(Map.of("authentication-provider", CockpitSignIn.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(101);
        return registration;
    }
}
