package org.igf.bpf.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One DataSource for everything: Axon's event and token store, Camunda's tables and the read
 * tables, so that one Spring transaction covers a BPMN step and the events it causes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The embedded default store; absent when an external server is configured. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(DatabaseProperties properties) {
        return properties.isExternal() ? EmbeddedPostgresServer.none() : EmbeddedPostgresServer.start(properties.embedded());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties, EmbeddedPostgresServer embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bpf");
        config.setMaximumPoolSize(properties.maximumPoolSize());
        // when the database is unreachable, requests fail within seconds (503) instead of hanging
        config.setConnectionTimeout(properties.connectionTimeoutMillis());
        config.setValidationTimeout(Math.min(2000, properties.connectionTimeoutMillis()));
        // a database that stops answering (network partition, frozen host) must not hold requests forever
        config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, properties.connectionTimeoutMillis() / 1000)));
        config.addDataSourceProperty("socketTimeout", String.valueOf(properties.socketTimeoutSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        if (properties.isExternal()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
            log.info("Using the PostgreSQL server at {}", properties.url());
        } else {
            EmbeddedPostgres server = embedded.server();
            config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        }
        return new HikariDataSource(config);
    }

    /** Holds the embedded server so that Spring stops it after the pool is closed. */
    public static final class EmbeddedPostgresServer implements AutoCloseable {

        private final EmbeddedPostgres server;
        private final Path throwawayDir;

        private EmbeddedPostgresServer(EmbeddedPostgres server, Path throwawayDir) {
            this.server = server;
            this.throwawayDir = throwawayDir;
        }

        static EmbeddedPostgresServer none() {
            return new EmbeddedPostgresServer(null, null);
        }

        static EmbeddedPostgresServer start(DatabaseProperties.Embedded settings) {
            Path dir = settings.dataDir().toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir.resolve("binaries"));
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("pg"))
                        .setCleanDataDirectory(settings.clean())
                        .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                        // stopped by Spring after everything that uses it, not by a JVM hook racing the context's shutdown
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "100");
                if (settings.durable()) {
                    // the embedded server starts with fsync off and asynchronous commit; users' data needs both on
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
                }
                EmbeddedPostgres server = builder.start();
                log.info("Embedded PostgreSQL on port {}, data in {}", server.getPort(), dir.resolve("pg"));
                return new EmbeddedPostgresServer(server, settings.clean() ? dir : null);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
            }
        }

        EmbeddedPostgres server() {
            return server;
        }

        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
            if (throwawayDir != null) {
                // a clean (throwaway) store lives only as long as its application
                try (var paths = Files.walk(throwawayDir)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
