package org.igf.bpf.benchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The bare web foundation, started by the benchmark in a JVM of its own with the application's heap: Spring
 * Boot's embedded Tomcat, Spring MVC and Jackson, as the application has them, and nothing else (no security,
 * no observation, no database). It takes a comment the way the application's API does (a JSON body, answered
 * 201 with the comment's id and time) and does nothing with it: what one request costs before any work.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class})
@Import(BareWeb.Comments.class)
public class BareWeb {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareWeb.class);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.run(args);
    }

    @RestController
    static class Comments {

        record Comment(String author, String text) {
        }

        record Submitted(String id, Instant submittedAt) {
        }

        @PostMapping("/comments")
        ResponseEntity<Submitted> submit(@RequestBody Comment comment) {
            return ResponseEntity.status(HttpStatus.CREATED).body(new Submitted(UUID.randomUUID().toString(), Instant.now()));
        }

        @GetMapping("/ready")
        Map<String, String> ready() {
            return Map.of("status", "UP");
        }
    }
}
