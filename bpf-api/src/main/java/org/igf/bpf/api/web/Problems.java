package org.igf.bpf.api.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/**
 * The problem+json answers of the API (RFC 9457): a stable {@code type} built from a stable
 * {@code code}, a title, and a human {@code detail}.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:bpf:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }
}
