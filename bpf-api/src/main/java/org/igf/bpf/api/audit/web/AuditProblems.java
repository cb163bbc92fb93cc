package org.igf.bpf.api.audit.web;

import org.igf.bpf.api.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The audit's own refusals as problem+json. Ordered before the application-wide handler, and only
 * for the audit's exceptions, so everything else keeps its usual answer.
 */
@RestControllerAdvice(basePackageClasses = AuditProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

    @ExceptionHandler(BadAuditParameter.class)
    ProblemDetail badParameter(BadAuditParameter e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid-parameter", "Invalid parameter",
                e.getMessage());
        problem.setProperty("field", e.parameter());
        return problem;
    }

    @ExceptionHandler(ForumDidNotExist.class)
    ProblemDetail notYet(ForumDidNotExist e) {
        return Problems.of(HttpStatus.NOT_FOUND, "forum.not-found", "Not found", e.getMessage());
    }
}
