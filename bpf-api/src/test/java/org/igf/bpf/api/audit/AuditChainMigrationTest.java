package org.igf.bpf.api.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.igf.bpf.api.audit.query.ChainReport;
import org.igf.bpf.api.audit.query.EventChainVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that already holds events when the chain migration arrives: the migration links the
 * old events forum by forum, the trigger links new ones onto them, and verification agrees.
 * Plain Flyway on a throwaway PostgreSQL, no application context.
 */
class AuditChainMigrationTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void linksTheEventsStoredBeforeTheMigrationAndKeepsLinkingAfterIt() {
        DataSource dataSource = postgres.getPostgresDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource, "1").migrate();
        append(jdbc, "forum-a", 0, "ForumCreated", "{\"cycle\":2015}", "secretariat");
        append(jdbc, "forum-b", 0, "ForumCreated", "{\"cycle\":2016}", "secretariat");
        append(jdbc, "forum-a", 1, "ExpertRegistered", "{\"name\":\"Ana\"}", "coordinator");
        append(jdbc, "forum-a", 2, "ExpertRegistered", "{\"name\":\"Ben\"}", "coordinator");

        flyway(dataSource, "latest").migrate();
        append(jdbc, "forum-a", 3, "DiscussionStarted", "{}", "coordinator");
        append(jdbc, "forum-b", 1, "ExpertRegistered", "{\"name\":\"Chen\"}", "coordinator");

        assertThat(jdbc.queryForObject("select count(*) from event_chain", Long.class)).isEqualTo(6);
        List<Integer> cycles = jdbc.queryForList("select cycle from audit_event_index where aggregate_identifier = 'forum-a'"
                + " order by sequence_number", Integer.class);
        assertThat(cycles).containsExactly(2015, 2015, 2015, 2015);
        assertThat(jdbc.queryForList("select actor from audit_event_index where aggregate_identifier = 'forum-b'"
                + " order by sequence_number", String.class)).containsExactly("secretariat", "coordinator");
        assertThat(jdbc.queryForObject("""
                select count(*) from event_chain c join event_chain p
                    on p.aggregate_identifier = c.aggregate_identifier and p.sequence_number = c.sequence_number - 1
                 where c.prev_hash = p.hash
                """, Long.class)).as("links that point to their predecessor").isEqualTo(4);

        ChainReport report = new EventChainVerifier(dataSource, new DataSourceTransactionManager(dataSource), Clock.systemUTC())
                .verify(null);
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.forums()).isEqualTo(2);
        assertThat(report.events()).isEqualTo(6);
    }

    private static Flyway flyway(DataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }

    private static void append(JdbcTemplate jdbc, String aggregate, long sequence, String type, String payload, String actor) {
        jdbc.update("""
                insert into domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                                payload, payload_type, time_stamp)
                values (?, ?, 'ForumAggregate', gen_random_uuid()::text, convert_to(?, 'UTF8'), convert_to(?, 'UTF8'), ?, ?)
                """, aggregate, sequence, "{\"actor\":\"" + actor + "\"}", payload, "org.igf.bpf.core.forum." + type,
                java.time.Instant.now().toString());
    }
}
