package org.igf.bpf.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.igf.bpf.api.security.ClientKeys;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes any API write idempotent when the client sends an {@code Idempotency-Key}: the request runs
 * in one transaction with a row claiming its key, and its answer is stored in that row before the
 * commit. A retry with the same key (on any node) gets the stored answer and has no second effect;
 * a concurrent retry waits for the first and then gets its answer. A refused request (4xx, 5xx)
 * stores nothing, so its retry is decided afresh. Reusing a key for a different request is a 422.
 * The answer reaches the client only after the commit: an acknowledged write is a committed one.
 */
@Component
@Order(0) // after Spring Security's filter chain: the client key needs the signed-in user
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,200}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final int MAX_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ProblemResponses problems;

    public IdempotencyFilter(JdbcTemplate jdbc, TransactionTemplate transaction, ProblemResponses problems) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || !WRITES.contains(request.getMethod())
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            problems.badHeader(request, response, HEADER, "1 to 200 letters, digits, '.', '_', ':' or '-'");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String client = ClientKeys.of(request, SecurityContextHolder.getContext().getAuthentication());
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String bodyHash = sha256(body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Outcome outcome = null;
        // the whole request is this one transaction, so a request that lost a race for a forum's next
        // event (a comment beside other comments) can safely run again from the start
        for (int attempt = 1; outcome == null || (outcome == Outcome.RETRY && attempt <= MAX_ATTEMPTS); attempt++) {
            buffered.resetBuffer();
            buffered.setStatus(HttpServletResponse.SC_OK);
            request.removeAttribute(DatabaseFailures.CONCURRENT_CHANGE);
            outcome = once(request, buffered, chain, client, key, path, bodyHash, body);
        }
        if (outcome == Outcome.FRESH || outcome == Outcome.RETRY) {
            buffered.copyBodyToResponse();
        } else if (!outcome.matches(request.getMethod(), path, bodyHash)) {
            problems.keyReused(request, response);
        } else {
            outcome.replay(response);
        }
    }

    private Outcome once(HttpServletRequest request, ContentCachingResponseWrapper buffered, FilterChain chain, String client,
                         String key, String path, String bodyHash, byte[] body) {
        return transaction.execute(status -> {
            int claimed = jdbc.update("insert into idempotent_request (client_key, idempotency_key, method, path, body_hash, created_at) "
                    + "values (?, ?, ?, ?, ?, now()) on conflict do nothing", client, key, request.getMethod(), path, bodyHash);
            if (claimed == 0) {
                return Outcome.stored(jdbc.queryForMap("select method, path, body_hash, status, content_type, location, body "
                        + "from idempotent_request where client_key = ? and idempotency_key = ?", client, key));
            }
            try {
                chain.doFilter(new ReplayableRequest(request, body), buffered);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            if (buffered.getStatus() >= 400) {
                status.setRollbackOnly(); // nothing of a refused request is kept, not even its key
                if (request.getAttribute(DatabaseFailures.CONCURRENT_CHANGE) != null) {
                    return Outcome.RETRY;
                }
            } else {
                jdbc.update("update idempotent_request set status = ?, content_type = ?, location = ?, body = ? "
                                + "where client_key = ? and idempotency_key = ?", buffered.getStatus(), buffered.getContentType(),
                        buffered.getHeader(HttpHeaders.LOCATION), buffered.getContentAsByteArray(), client, key);
            }
            return Outcome.FRESH;
        });
    }

    /** Forgets answers older than a day. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldAnswers() {
        jdbc.update("delete from idempotent_request where created_at < now() - interval '1 day'");
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the key's row says: this request ran now, or an earlier one's answer. */
    private record Outcome(Map<String, Object> row) {
        static final Outcome FRESH = new Outcome(null);
        static final Outcome RETRY = new Outcome(Map.of());

        static Outcome stored(Map<String, Object> row) {
            return new Outcome(row);
        }

        boolean matches(String method, String path, String bodyHash) {
            return method.equals(row.get("method")) && path.equals(row.get("path")) && bodyHash.equals(row.get("body_hash"));
        }

        void replay(HttpServletResponse response) throws IOException {
            response.setStatus(((Number) row.get("status")).intValue());
            if (row.get("content_type") != null) {
                response.setContentType((String) row.get("content_type"));
            }
            if (row.get("location") != null) {
                response.setHeader(HttpHeaders.LOCATION, (String) row.get("location"));
            }
            response.setHeader("Idempotent-Replayed", "true");
            byte[] body = (byte[]) row.get("body");
            if (body != null) {
                response.getOutputStream().write(body);
            }
        }
    }

    /** The request with its body already read, so that it can be hashed and then read again. */
    private static final class ReplayableRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
