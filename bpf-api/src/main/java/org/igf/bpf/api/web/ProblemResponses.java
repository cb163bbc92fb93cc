package org.igf.bpf.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/** Writes the security refusals (401, 403), which happen before any controller, as problem+json. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof InternalAuthenticationServiceException) {
            // the accounts could not be read (database unreachable): not the caller's fault
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(request, response, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service.database-unavailable",
                    "Database unavailable", "Sign-in cannot be checked at the moment; nothing was changed. Try again in a few seconds."));
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"bpf\"");
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", "Sign-in required",
                "This needs a signed-in user; send valid credentials (HTTP Basic)."));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "auth.forbidden", "Not allowed",
                "Your role does not allow this."));
    }

    public void throttled(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "auth.throttled", "Too many failed sign-ins",
                "Too many failed sign-ins for this account or from this address; try again in " + retryAfterSeconds + " s.");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        write(request, response, problem);
    }

    public void payloadTooLarge(HttpServletRequest request, HttpServletResponse response, long limitBytes) throws IOException {
        write(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large", "Request too large",
                "The request body is larger than the " + limitBytes + " bytes this API accepts."));
    }

    public void badHeader(HttpServletRequest request, HttpServletResponse response, String header, String expected) throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid-header", "Invalid header",
                "Header '" + header + "' must be " + expected + ".");
        problem.setProperty("field", header);
        write(request, response, problem);
    }

    /** A request Spring Security's firewall refused before it was handled (a header or URL it does not allow). */
    public void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "request.rejected", "Request rejected",
                "The request was refused before it was handled: " + rejected.getMessage()));
    }

    public void keyReused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "request.idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new request."));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
