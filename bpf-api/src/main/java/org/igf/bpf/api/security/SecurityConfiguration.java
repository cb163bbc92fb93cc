package org.igf.bpf.api.security;

import org.igf.bpf.api.config.DatabaseProperties;
import org.igf.bpf.api.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * HTTP Basic for the API. Reading forums is public; every write needs a user; opening a forum and
 * reading a history are the secretariat's; a coordinator acts only on their own forums (checked per
 * forum in {@code ForumPermissions}). Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems) throws Exception {
        // path matchers, not MVC ones: Camunda's REST API is a separate (Jersey) servlet
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/engine-rest/**"), path.matcher("/actuator/**")))
                .csrf(csrf -> csrf.disable()) // stateless Basic auth: no session cookie to forge requests with
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems::unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems::unauthenticated)
                        .accessDeniedHandler(problems::forbidden))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/forums/*/history").hasRole(Roles.SECRETARIAT)
                        .requestMatchers(HttpMethod.GET, "/api/forums", "/api/forums/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/cycles", "/api/cycles/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/forums", "/api/cycles").hasRole(Roles.SECRETARIAT)
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers(path.matcher("/engine-rest/**")).hasRole(Roles.SECRETARIAT)
                        .anyRequest().hasRole(Roles.SECRETARIAT));
        return http.build();
    }

    /** Everything else (Camunda's web applications bring their own sign-in). */
    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()) // Camunda's web applications use their own CSRF filter
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecurityProperties properties, DatabaseProperties database, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (SecurityProperties.Account account : properties.accounts()) {
            users.add(User.withUsername(account.username()).password(account.password())
                    .roles(account.roles().toArray(String[]::new)).build());
        }
        boolean demo = properties.demoAccounts() != null ? properties.demoAccounts() : !database.isExternal();
        if (demo) {
            users.add(User.withUsername("secretariat").password(encoder.encode("secretariat")).roles(Roles.SECRETARIAT).build());
            users.add(User.withUsername("coordinator").password(encoder.encode("coordinator")).roles(Roles.COORDINATOR).build());
            log.warn("Demo accounts secretariat/secretariat and coordinator/coordinator are enabled: for the embedded default only.");
        }
        if (users.isEmpty()) {
            log.warn("No accounts are configured, so nobody can sign in. Add one with bpf.security.accounts[0].username, "
                    + "bpf.security.accounts[0].password ({bcrypt}...) and bpf.security.accounts[0].roles=SECRETARIAT.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}
