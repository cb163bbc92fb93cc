package org.igf.bpf.api.security;

import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;


/**
 * HTTP Basic (or a bearer token) for the API. Reading forums is public; anyone may comment during a
 * consultation; every other write needs a user; opening a forum, the audit and accounts are the
 * secretariat's; a forum's history is for the secretariat and that forum's coordinators
 * ({@link ForumCoordinatorAuthorization#toReadHistory}); a coordinator acts only on the forums they coordinate
 * ({@link ForumCoordinatorAuthorization}). Refusals are problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Spring Security does not wrap each of its filters, the authentication and the authorization in
     * an observation of its own: per request that was a dozen observations nobody reads, a tenth of a
     * comment's CPU in the benchmark. Requests are still observed as a whole ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Every matcher written as a string below is a path pattern matched against the request's path
     * (the API is Spring MVC's, mapped at "/"; Camunda's REST API is a separate, Jersey, servlet), not a
     * Spring MVC matcher that asks Spring MVC which handler the request goes to.
     */
    @Bean
    PathPatternRequestMatcher.Builder requestMatchers() {
        return PathPatternRequestMatcher.withDefaults();
    }

    /** See {@link WithoutHandlerLookupFilter}: nothing here uses the handler Spring Security would look up. */
    @Bean
    static BeanFactoryPostProcessor withoutHandlerLookupFilter() {
        return new WithoutHandlerLookupFilter();
    }

    /**
     * Spring Security's firewall as it comes, except that the characters allowed in header names and
     * values are decided by {@link HeaderCharacters} instead of regular expressions (the same decisions).
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedInName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedInValue);
        firewall.setAllowedParameterNames(HeaderCharacters::allowedInName);
        return firewall;
    }

    /** A request the firewall refuses is answered 400 with problem+json, like every other refusal. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems::rejected;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle,
                            ForumViews forums, ObjectProvider<JwtDecoder> jwtDecoder,
                            BearerTokens bearerTokens, PathPatternRequestMatcher.Builder path) throws Exception {
        ForumCoordinatorAuthorization forumCoordinator = ForumCoordinatorAuthorization.toAct(forums);
        ForumCoordinatorAuthorization historyAccess = ForumCoordinatorAuthorization.toReadHistory(forums);
        if (jwtDecoder.getIfAvailable() != null) {
            // single sign-on: bearer tokens of the configured OpenID Connect provider, next to HTTP Basic
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(bearerTokens))
                    .authenticationEntryPoint(problems::unauthenticated)
                    .accessDeniedHandler(problems::forbidden));
        }
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"), path.matcher("/actuator/**")))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no session cookie to forge requests with
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SignInThrottleFilter(throttle, problems::throttled), BasicAuthenticationFilter.class)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/forums/{id}/history")).access(historyAccess)
                        .requestMatchers("/api/audit/**").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/api/forums", "/api/forums/**", "/api/dashboard",
                                "/api/cycles", "/api/cycles/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/forums/*/comments").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/forums/*/coordinators").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.POST, "/api/forums/{id}/experts", "/api/forums/{id}/experts/leave",
                                "/api/forums/{id}/drafts", "/api/forums/{id}/advance", "/api/forums/{id}/mailing-list",
                                "/api/forums/{id}/meetings", "/api/forums/{id}/consultation/extend", "/api/forums/{id}/moderation",
                                "/api/forums/{id}/comments/{commentId}/approve", "/api/forums/{id}/comments/{commentId}/hide",
                                "/api/forums/{id}/comments/{commentId}/disposition", "/api/forums/{id}/session",
                                "/api/forums/{id}/coordinators/step-down").access(forumCoordinator)
                        .requestMatchers(HttpMethod.POST, "/api/forums", "/api/cycles").hasRole(Roles.SECRETARIAT)
                        .requestMatchers("/api/accounts", "/api/accounts/**").hasRole(Roles.SECRETARIAT)
                        .requestMatchers("/api/admin/**").hasRole(Roles.SECRETARIAT)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(path.matcher("/engine-rest/**")).hasRole(Roles.SECRETARIAT)
                        .anyRequest().hasRole(Roles.SECRETARIAT));
        return http.build();
    }

    /** Everything else. The dashboard and Cockpit have ordered chains of their own (DashboardSecurityConfiguration, CockpitConfiguration). */
    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // Camunda's web applications use their own CSRF filter
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

}
