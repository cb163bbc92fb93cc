package org.igf.bpf.api.dashboard.web;

import org.igf.bpf.api.forum.query.ForumViews;
import org.igf.bpf.api.security.ForumCoordinatorAuthorization;
import org.igf.bpf.api.security.SignInThrottle;
import org.igf.bpf.api.security.SignInThrottleFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.util.regex.Pattern;

/**
 * Security of the dashboard pages, in a chain of its own that comes before SecurityConfiguration's
 * (which carry no order, i.e. the lowest): signed in by a form (session cookie, so CSRF-protected),
 * or by the OpenID Connect provider when one is configured, with a Content Security Policy that
 * allows scripts and styles from files only. The consultation pages (ConsultationPages, ModerationPages)
 * share this chain. The board as JSON and the projection administration
 * are part of the API chain in SecurityConfiguration.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurityConfiguration {

    public static final int PAGES_ORDER = 50;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final Pattern SAFE_NEXT = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%-]*");

    @Bean
    @Order(PAGES_ORDER)
    SecurityFilterChain dashboardPagesSecurity(HttpSecurity http, SignInThrottle throttle,
                                               ObjectProvider<ClientRegistrationRepository> singleSignOn,
                                               ObjectProvider<OidcUserService> oidcUsers,
                                               ForumViews forums) throws Exception {
        ForumCoordinatorAuthorization forumCoordinator = ForumCoordinatorAuthorization.toAct(forums);
        if (singleSignOn.getIfAvailable() != null) {
            // sign-in at the organisation's OpenID Connect provider, next to the form
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers.getObject())));
        }
        http.addFilterBefore(new SignInThrottleFilter(throttle, (request, response, retryAfter) ->
                response.sendRedirect(request.getContextPath() + "/login?error")), UsernamePasswordAuthenticationFilter.class);
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
                        // the consultation page: anyone reads it and comments, signed in or not (CSRF-protected all the same)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/forums/*/consultation"),
                                path.matcher(HttpMethod.GET, "/forums/*/consultation/revision"),
                                path.matcher(HttpMethod.POST, "/forums/*/consultation/comments")).permitAll()
                        // moderation and dispositions: the secretariat and this forum's coordinators
                        .requestMatchers(path.matcher("/forums/{id}/moderation"), path.matcher("/forums/{id}/moderation/**"),
                                path.matcher("/forums/{id}/dispositions"), path.matcher("/forums/{id}/dispositions/**"))
                        .access(forumCoordinator)
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
