package org.igf.bpf.api.audit.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletResponse;
import org.igf.bpf.api.audit.query.AuditEvent;
import org.igf.bpf.api.audit.query.AuditFilter;
import org.igf.bpf.api.audit.query.AuditLog;
import org.igf.bpf.api.audit.query.AuditLog.AuditPage;
import org.igf.bpf.api.audit.query.ChainHeads;
import org.igf.bpf.api.audit.query.ChainReport;
import org.igf.bpf.api.audit.query.EventChainVerifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The secretariat's audit across all forums: the events with who, when and why, filtered and paged;
 * the same as a streamed CSV or JSON file; the verification of the hash chains; and their heads to
 * publish. Secretariat only (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final List<String> CSV_HEADER = List.of("global_index", "forum_id", "sequence", "type", "recorded_at",
            "occurred_at", "actor", "actor_role", "request_id", "process_instance_id", "activity_id", "payload", "hash");

    private final AuditLog log;
    private final EventChainVerifier verifier;
    private final ObjectMapper json;

    public AuditController(AuditLog log, EventChainVerifier verifier, ObjectMapper json) {
        this.log = log;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping("/events")
    public Map<String, Object> events(@RequestParam(required = false) List<String> forum,
                                      @RequestParam(required = false) String cycle,
                                      @RequestParam(required = false) List<String> actor,
                                      @RequestParam(required = false) List<String> type,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) String limit) {
        AuditFilter filter = AuditParameters.filter(forum, cycle, actor, type, from, to);
        AuditPage page = log.page(filter, AuditParameters.cursor(cursor), AuditParameters.limit(limit));
        return Map.of("events", page.events(), "next", page.next().token());
    }

    @GetMapping("/export")
    public void export(@RequestParam(required = false) String format,
                       @RequestParam(required = false) List<String> forum,
                       @RequestParam(required = false) String cycle,
                       @RequestParam(required = false) List<String> actor,
                       @RequestParam(required = false) List<String> type,
                       @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       HttpServletResponse response) throws IOException {
        String chosen = format == null ? "csv" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!chosen.equals("csv") && !chosen.equals("json")) {
            throw new BadAuditParameter("format", "Parameter 'format' cannot be '" + format + "': use csv or json.");
        }
        AuditFilter filter = AuditParameters.filter(forum, cycle, actor, type, from, to);
        // written as it is read; nothing below holds more than one event
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events." + chosen + "\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (chosen.equals("csv")) {
            response.setContentType("text/csv;charset=UTF-8;header=present");
            exportCsv(filter, response);
        } else {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            exportJson(filter, response);
        }
    }

    @GetMapping("/verify")
    public ChainReport verify(@RequestParam(required = false) String forum) {
        if (forum != null && forum.isBlank()) {
            throw new BadAuditParameter("forum", "Parameter 'forum' must name a forum; leave it out to verify all forums.");
        }
        return verifier.verify(forum);
    }

    /**
     * Verifies, and checks heads published earlier against the events as they are now. The body
     * is what {@code GET /api/audit/heads} answered then (its {@code digest}, when present, must
     * match its {@code heads}).
     */
    @PostMapping("/verify")
    public ChainReport verifyAgainst(@RequestParam(required = false) String forum, @RequestBody PublishedHeads published) {
        if (forum != null && forum.isBlank()) {
            throw new BadAuditParameter("forum", "Parameter 'forum' must name a forum; leave it out to verify all forums.");
        }
        List<ChainHeads.Head> heads = published.heads() == null ? List.of() : published.heads();
        for (ChainHeads.Head head : heads) {
            if (head == null || head.forum() == null || head.forum().isBlank() || head.hash() == null
                    || !head.hash().matches("[0-9a-fA-F]{64}") || head.sequence() < 0) {
                throw new BadAuditParameter("heads", "Every published head needs a forum, a sequence and a 64-digit hex hash.");
            }
        }
        if (published.digest() != null && !published.digest().equalsIgnoreCase(EventChainVerifier.digest(heads))) {
            throw new BadAuditParameter("digest", "The digest does not match the heads given: the list is not the one published.");
        }
        return verifier.verify(forum, heads);
    }

    /** Heads published earlier, as {@code GET /api/audit/heads} gave them. */
    public record PublishedHeads(String digest, List<ChainHeads.Head> heads) {
    }

    @GetMapping("/heads")
    public ChainHeads heads() {
        return verifier.heads();
    }

    private void exportCsv(AuditFilter filter, HttpServletResponse response) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF'); // the byte order mark tells spreadsheet programs that the file is UTF-8
        CsvRows csv = new CsvRows(out);
        csv.row(CSV_HEADER.stream().map(CsvRows::text).toList());
        try {
            log.stream(filter, event -> {
                try {
                    csv.row(List.of(CsvRows.number(event.globalIndex()), CsvRows.text(event.forumId()),
                            CsvRows.number(event.sequence()), CsvRows.text(event.type()),
                            CsvRows.text(event.recordedAt().toString()), CsvRows.text(event.occurredAt()),
                            CsvRows.text(event.actor().name()), CsvRows.text(event.actor().role()),
                            CsvRows.text(event.requestId()), CsvRows.text(event.processInstanceId()),
                            CsvRows.text(event.activityId()), CsvRows.text(event.payload().toString()),
                            CsvRows.text(event.hash())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private void exportJson(AuditFilter filter, HttpServletResponse response) throws IOException {
        ObjectWriter writer = json.writerFor(AuditEvent.class).without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        try (JsonGenerator out = json.getFactory().createGenerator(response.getOutputStream())) {
            out.writeStartArray();
            try {
                log.stream(filter, event -> write(writer, out, event));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.writeEndArray();
        }
    }

    private static void write(ObjectWriter writer, JsonGenerator out, AuditEvent event) {
        try {
            writer.writeValue(out, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
