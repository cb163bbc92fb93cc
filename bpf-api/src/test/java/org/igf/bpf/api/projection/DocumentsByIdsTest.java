package org.igf.bpf.api.projection;

import org.igf.bpf.api.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class DocumentsByIdsTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsTheDocumentsOfTheRowsAskedForAndLeavesNoStatementPreparedOnTheServer() throws Exception {
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        for (String id : List.of(a, b)) {
            jdbc.update("insert into forum_view (forum_id, cycle, topic, stage, stage_entered_at, last_sequence, document) "
                    + "values (?, 1901, 'Topic', 'DISCUSSION', now(), 0, cast(? as jsonb))", id, "{\"id\": \"" + id + "\"}");
        }
        try (Connection connection = dataSource.getConnection()) {
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            for (int call = 0; call < 10; call++) { // the driver prepares on the server from the fifth call on
                Map<String, String> documents = DocumentsByIds.read(one, "forum_view", List.of(a, b, "no such forum"));
                assertThat(documents).containsOnlyKeys(a, b);
                assertThat(documents.get(a)).contains(a);
            }
            assertThat(one.queryForObject("select count(*) from pg_prepared_statements where statement like '%from forum_view where forum_id%'",
                    Integer.class)).as("statements prepared on this connection's server side").isZero();
        } finally {
            jdbc.update("delete from forum_view where forum_id in (?, ?)", a, b);
        }
    }
}
