package org.igf.bpf.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Where the data lives. With {@code url} set (BPF_DB_URL) the application uses that PostgreSQL
 * server; otherwise it starts an embedded PostgreSQL whose cluster is kept under {@code embedded.dataDir}.
 */
@ConfigurationProperties("bpf.db")
public record DatabaseProperties(String url, String user, String password, int maximumPoolSize,
                                 long connectionTimeoutMillis, int socketTimeoutSeconds, Embedded embedded) {

    public DatabaseProperties {
        if (maximumPoolSize <= 0) {
            maximumPoolSize = 20;
        }
        if (connectionTimeoutMillis <= 0) {
            connectionTimeoutMillis = 3000;
        }
        if (socketTimeoutSeconds <= 0) {
            socketTimeoutSeconds = 30;
        }
        if (embedded == null) {
            embedded = new Embedded(Path.of("data"), false, true);
        }
    }

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }

    /**
     * @param dataDir  the directory holding the cluster ({@code pg/}) and its unpacked binaries
     * @param clean    a throwaway store (tests): wiped at start, deleted at shutdown
     * @param durable  fsync and synchronous commit on: a crash loses no acknowledged write
     */
    public record Embedded(Path dataDir, boolean clean, boolean durable) {
        public Embedded {
            if (dataDir == null) {
                dataDir = Path.of("data");
            }
        }
    }
}
