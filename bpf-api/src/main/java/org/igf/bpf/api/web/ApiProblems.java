package org.igf.bpf.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.igf.bpf.api.account.AccountService;
import org.igf.bpf.api.comment.CommentRateLimiter;
import org.igf.bpf.api.cycle.web.CycleController;
import org.igf.bpf.api.forum.web.DraftNotFound;
import org.igf.bpf.api.operations.DeadLetterController;
import org.igf.bpf.api.forum.web.ForumNotFound;
import org.igf.bpf.core.forum.StageConflict;
import org.igf.bpf.core.shared.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error a client can cause becomes problem+json with a stable code; anything else is a 500
 * that is logged. A refused command has changed nothing: its transaction was rolled back.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolated(RuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, e.code(), "Rule not met", e.getMessage());
        problem.setProperty("rule", e.code());
        return problem;
    }

    @ExceptionHandler(StageConflict.class)
    ProblemDetail staleStage(StageConflict e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, StageConflict.CODE, "Stale stage", e.getMessage());
        problem.setProperty("expectedStage", e.expected());
        problem.setProperty("currentStage", e.actual());
        return problem;
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException e, jakarta.servlet.http.HttpServletRequest request) {
        request.setAttribute(DatabaseFailures.CONCURRENT_CHANGE, Boolean.TRUE); // the IdempotencyFilter may run it again
        return Problems.of(HttpStatus.CONFLICT, "forum.concurrent-change", "Concurrent change",
                "Someone else changed this forum at the same moment. Reload it and try again.");
    }

    @ExceptionHandler({ForumNotFound.class, DraftNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e instanceof DraftNotFound ? "draft.not-found" : "forum.not-found",
                "Not found", e.getMessage());
    }

    @ExceptionHandler(AccountService.AccountNotFound.class)
    ProblemDetail unknownAccount(AccountService.AccountNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "account.not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AccountService.AccountExists.class)
    ProblemDetail accountExists(AccountService.AccountExists e) {
        return Problems.of(HttpStatus.CONFLICT, "account.exists", "Already exists", e.getMessage());
    }

    @ExceptionHandler(DeadLetterController.UnknownProcessingGroup.class)
    ProblemDetail unknownProcessingGroup(DeadLetterController.UnknownProcessingGroup e) {
        return Problems.of(HttpStatus.NOT_FOUND, "processor.not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(CycleController.CycleAlreadyOpen.class)
    ProblemDetail cycleAlreadyOpen(CycleController.CycleAlreadyOpen e) {
        return Problems.of(HttpStatus.CONFLICT, "cycle.already-open", "Cycle already open", e.getMessage());
    }

    @ExceptionHandler(CycleController.CycleNotFound.class)
    ProblemDetail cycleNotFound(CycleController.CycleNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "cycle.not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownForum(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "forum.not-found", "Not found",
                "There is no forum with id " + e.getAggregateIdentifier() + ".");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "auth.forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid-parameter", "Invalid parameter",
                "Parameter '" + e.getName() + "' cannot be '" + e.getValue() + "'.");
        problem.setProperty("field", e.getName());
        return problem;
    }

    @ExceptionHandler(CommentRateLimiter.TooManyComments.class)
    ResponseEntity<ProblemDetail> tooManyComments(CommentRateLimiter.TooManyComments e) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "comments.rate-limited", "Too many comments", e.getMessage());
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }

    /**
     * The database cannot be reached (restarting, network): fail fast with 503 instead of hanging or
     * answering 500; nothing was changed, the client may retry after a moment.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service.database-unavailable", "Database unavailable",
                        "The database cannot be reached at the moment; nothing was changed. Try again in a few seconds."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            return databaseUnavailable(e); // wrapped by Camunda, Axon or the transaction manager on the way up
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
                "Internal error", "Something went wrong on our side; nothing was changed. The error has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid", "Invalid request",
                detail.isEmpty() ? "The request body is invalid." : "Invalid request: " + detail + ".");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        Throwable tooLarge = e;
        while (tooLarge != null && !(tooLarge instanceof RequestSizeLimitFilter.BodyTooLarge)) {
            tooLarge = tooLarge.getCause();
        }
        if (tooLarge instanceof RequestSizeLimitFilter.BodyTooLarge large) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    "request.too-large", "Request too large", large.getMessage()));
        }
        if (e.getCause() instanceof InvalidFormatException invalid && !invalid.getPath().isEmpty()) {
            String field = path(invalid);
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? " Allowed: " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()) + "." : "";
            problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid-value", "Invalid value",
                    "Field '" + field + "' cannot be " + invalid.getValue() + "." + allowed);
            problem.setProperty("field", field);
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            problem = Problems.of(HttpStatus.BAD_REQUEST, "request.invalid-value", "Invalid value",
                    "Field '" + field + "' has the wrong type or form.");
            problem.setProperty("field", field);
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "request.malformed", "Malformed request",
                    "The request body is missing or is not valid JSON.");
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        // the framework's own 4xx answers (wrong method, wrong media type...) get a stable code as well
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            String code = "request." + HttpStatus.valueOf(status.value()).name().toLowerCase().replace('_', '-');
            problem.setType(java.net.URI.create("urn:bpf:problem:" + code));
            problem.setProperty("code", code);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

}
