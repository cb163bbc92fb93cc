package org.igf.bpf.workflow.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
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

/**
 * Camunda records its history level in its schema and refuses to start when the configured level
 * differs. Here the configured level wins: a database created with another level (e.g. the former
 * {@code full}) is switched to it before the engine checks, with a warning. History already recorded
 * stays as it is; from then on the engine records what the configured level asks for.
 */
@Component
public class HistoryLevelFollowsConfiguration extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(HistoryLevelFollowsConfiguration.class);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (ProcessEngineConfiguration.HISTORY_AUTO.equals(configuration.getHistory()) || configuration.getHistoryLevel() == null) {
            return;
        }
        int configured = configuration.getHistoryLevel().getId();
        String name = configuration.getHistoryLevel().getName();
        try {
            align(configuration.getDataSource(), configuration.getDatabaseTablePrefix(), configured, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read or set Camunda's recorded history level", e);
        }
    }

    private static void align(DataSource dataSource, String prefix, int configured, String name) throws SQLException {
        String table = (prefix == null ? "" : prefix) + "act_ge_property";
        try (Connection connection = dataSource.getConnection()) {
            Integer recorded;
            try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
                exists.setString(1, table);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next() || !row.getBoolean(1)) {
                        return; // a new database: the engine records the configured level itself
                    }
                }
            }
            try (PreparedStatement read = connection.prepareStatement("select value_ from " + table + " where name_ = 'historyLevel'");
                 ResultSet row = read.executeQuery()) {
                recorded = row.next() ? Integer.valueOf(row.getString(1)) : null;
            }
            if (recorded == null || recorded == configured) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement("update " + table + " set value_ = ? where name_ = 'historyLevel'")) {
                update.setString(1, String.valueOf(configured));
                update.executeUpdate();
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            log.warn("Camunda's history level was {} in the database; it is now {} ({}), as configured. History already recorded is kept.",
                    recorded, configured, name);
        }
    }
}
