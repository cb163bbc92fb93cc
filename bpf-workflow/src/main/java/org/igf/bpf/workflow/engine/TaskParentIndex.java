package org.igf.bpf.workflow.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Adds an index Camunda's schema lacks: completing a task first looks for its sub-tasks by
 * {@code PARENT_TASK_ID_}, which has no index, so every stage transition read the whole task table, one
 * row per forum in flight. Created once, after the engine created or updated its schema; a node that
 * finds it (or loses the race to create it to another node) leaves it alone.
 */
@Component
public class TaskParentIndex extends AbstractProcessEnginePlugin {

    static final String INDEX = "bpf_idx_task_parent";
    private static final Logger log = LoggerFactory.getLogger(TaskParentIndex.class);

    private DataSource dataSource;
    private String prefix;

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection)) {
                return;
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create index if not exists " + INDEX + " on " + prefix + "act_ru_task (parent_task_id_)");
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.info("Created index {} on Camunda's task table (sub-tasks by parent task)", INDEX);
        } catch (SQLException e) {
            if (!existsAfterRace()) {
                throw new IllegalStateException("Could not create index " + INDEX + " on Camunda's task table", e);
            }
        }
    }

    private boolean existsAfterRace() {
        try (Connection connection = dataSource.getConnection()) {
            return exists(connection);
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            // a prefix may name a schema ("camunda."): the index lives beside its table
            query.setString(1, prefix.substring(0, prefix.lastIndexOf('.') + 1) + INDEX);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
