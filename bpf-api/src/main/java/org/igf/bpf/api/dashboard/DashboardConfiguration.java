package org.igf.bpf.api.dashboard;

import org.igf.bpf.api.dashboard.query.DashboardProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The dashboard's settings (bpf.dashboard.*). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardConfiguration {
}
