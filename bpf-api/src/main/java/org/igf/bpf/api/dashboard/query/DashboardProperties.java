package org.igf.bpf.api.dashboard.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a forum needs attention: a deadline within {@code deadlineWarningDays}, or no recorded activity
 * for longer than {@code stalledAfterDays}.
 */
@ConfigurationProperties("bpf.dashboard")
public record DashboardProperties(Integer deadlineWarningDays, Integer stalledAfterDays) {

    public DashboardProperties {
        if (deadlineWarningDays == null || deadlineWarningDays < 0) {
            deadlineWarningDays = 7;
        }
        if (stalledAfterDays == null || stalledAfterDays < 1) {
            stalledAfterDays = 14;
        }
    }
}
