package org.igf.bpf.api.web;

import org.axonframework.common.jdbc.JdbcException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aServerThatWentAwayIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new JdbcException("Failed to create a SQL statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }

    @Test
    void aConnectionThePoolClosedAfterTheServerDroppedItIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void otherSqlFailuresAreNot() {
        assertThat(DatabaseFailures.isUnavailable(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("no database involved"))).isFalse();
    }
}
