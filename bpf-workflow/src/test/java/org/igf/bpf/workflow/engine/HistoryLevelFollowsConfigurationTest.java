package org.igf.bpf.workflow.engine;

import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The history level recorded in Camunda's schema follows the configured one instead of stopping the start. */
@SpringBootTest
class HistoryLevelFollowsConfigurationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDatabaseRecordedWithAnotherLevelIsSwitchedToTheConfiguredOne() {
        String before = recorded();
        try {
            postInitWith(HistoryLevel.HISTORY_LEVEL_ACTIVITY);
            assertThat(recorded()).isEqualTo("1");

            postInitWith(HistoryLevel.HISTORY_LEVEL_FULL);
            assertThat(recorded()).isEqualTo("3");

            postInitWith(HistoryLevel.HISTORY_LEVEL_FULL); // already as configured: nothing to do
            assertThat(recorded()).isEqualTo("3");
        } finally {
            jdbc.update("update act_ge_property set value_ = ? where name_ = 'historyLevel'", before);
        }
    }

    private void postInitWith(HistoryLevel level) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setHistory(level.getName());
        configuration.setHistoryLevel(level);
        new HistoryLevelFollowsConfiguration().postInit(configuration);
    }

    private String recorded() {
        return jdbc.queryForObject("select value_ from act_ge_property where name_ = 'historyLevel'", String.class);
    }
}
