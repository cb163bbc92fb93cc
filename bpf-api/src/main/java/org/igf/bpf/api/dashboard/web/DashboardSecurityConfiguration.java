package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.security.Roles;
import org.igf.bpf.api.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.util.regex.Pattern;

/**
 * Security of the dashboard, in chains of its own that come before SecurityConfiguration's (which
 * carry no order, i.e. the lowest):
 * <ol>
 * <li>{@value #API_ORDER} {@code dashboardApiSecurity}: the board as JSON (public, like the forum list) and the
 * secretariat's projection administration, stateless HTTP Basic like the rest of /api;</li>
 * <li>{@value #PAGES_ORDER} {@code dashboardPagesSecurity}: the pages, signed in by a form (session cookie, so
 * CSRF-protected), with a Content Security Policy that allows scripts and styles from files only.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurityConfiguration {

    public static final int API_ORDER = 40;
    public static final int PAGES_ORDER = 50;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern SAFE_NEXT = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%-]*");

    @Bean
    @Order(API_ORDER)
    SecurityFilterChain dashboardApiSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/dashboard"), path.matcher("/api/dashboard/**"),
                        path.matcher("/api/admin/**")))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth, as the rest of /api
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/dashboard")).permitAll()
                        .requestMatchers(path.matcher("/api/admin/**")).hasRole(Roles.SECRETARIAT)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(PAGES_ORDER)
    SecurityFilterChain dashboardPagesSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/"), path.matcher("/forums/**"), path.matcher("/login"),
                        path.matcher("/logout"), path.matcher("/dashboard/**")))
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler((request, response, exception) -> {
                            String next = safeNext(request.getParameter("next"));
                            response.sendRedirect(request.getContextPath() + "/login?error"
                                    + (next == null ? "" : "&next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)));
                        })
                        .successHandler((request, response, authentication) -> {
                            String next = safeNext(request.getParameter("next"));
                            response.sendRedirect(request.getContextPath() + (next == null ? "/" : next));
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher(HttpMethod.POST, "/forums/*/advance")).authenticated()
                        .requestMatchers(path.matcher(HttpMethod.GET, "/"), path.matcher(HttpMethod.GET, "/forums/*"),
                                path.matcher(HttpMethod.GET, "/dashboard/**"), path.matcher(HttpMethod.GET, "/login")).permitAll()
                        .anyRequest().authenticated());
        return http.build();
    }

    /** Where to go after signing in: only a path of this application, never another site. */
    static String safeNext(String next) {
        return next != null && SAFE_NEXT.matcher(next).matches() ? next : null;
    }
}
