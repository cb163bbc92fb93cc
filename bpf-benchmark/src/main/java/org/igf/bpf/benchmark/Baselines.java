package org.igf.bpf.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the application is built on, measured bare on the same PostgreSQL server (each in its own database). */
final class Baselines {

    /** About 270 bytes of JSON, the size of a typical stored event payload. */
    static final String ROW = "{\"forumId\":\"" + UUID.randomUUID() + "\",\"author\":\"Benchmark client\",\"text\":\""
            + "x".repeat(150) + "\",\"at\":\"2015-06-01T12:00:00Z\",\"round\":1}";

    interface Operation {
        void run() throws Exception;
    }

    /**
     * Runs the operation from this many threads in rounds of a second for this long, before it is measured:
     * the JIT compiles what a JVM runs only after it ran it for a while (on two busy cores, tens of seconds
     * for a web stack), and a figure taken before that measures the compiler, not the code. Answers the
     * rate of each round, for the log.
     */
    static List<Long> warmUp(int threads, double seconds, Operation operation) throws Exception {
        List<Long> rounds = new ArrayList<>();
        for (int r = 0; r < Math.max(1, (int) Math.round(seconds)); r++) {
            rounds.add(Math.round(rate(threads, 1, operation)));
        }
        return rounds;
    }

    /** Runs the operation from this many threads for this long; answers operations per second. */
    static double rate(int threads, double seconds, Operation operation) throws Exception {
        return run(threads, seconds, operation).rate();
    }

    /** How many operations a run did in how many seconds. */
    record Run(long operations, double seconds) {
        double rate() {
            return operations / seconds;
        }
    }

    /** Runs the operation from this many threads for this long; answers how many it did, in how long. */
    static Run run(int threads, double seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                long done = 0;
                while (running.get()) {
                    operation.run();
                    done++;
                }
                return done;
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return new Run(total, elapsed);
    }

    static final class RawJdbc implements AutoCloseable {
        private final HikariDataSource pool;
        private final byte[] row = ROW.getBytes(StandardCharsets.UTF_8);

        RawJdbc(Database database) throws Exception {
            database.create("bench_raw");
            pool = database.pool("bench_raw", 20);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("create table raw_row (id bigserial primary key, payload bytea not null)");
            }
        }

        /** One row per transaction, committed (autocommit). */
        void insert() throws Exception {
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement("insert into raw_row (payload) values (?)")) {
                statement.setBytes(1, row);
                statement.executeUpdate();
            }
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    static final class BareCamunda implements AutoCloseable {
        private final HikariDataSource pool;
        final ProcessEngine engine;
        final double startSeconds;

        BareCamunda(Database database) throws Exception {
            database.create("bench_camunda");
            pool = database.pool("bench_camunda", 20);
            long started = System.nanoTime();
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setDataSource(pool);
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            // as the application: history full, the job executor on (it has nothing to do in this loop)
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setJobExecutorActivate(true);
            configuration.setEnableCmdExceptionLogging(false);
            configuration.setMetricsEnabled(true);
            engine = configuration.buildProcessEngine();
            BpmnModelInstance model = Bpmn.createExecutableProcess("bench").camundaHistoryTimeToLive(180)
                    .startEvent().userTask("task").endEvent().done();
            engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn", model).deploy();
            startSeconds = (System.nanoTime() - started) / 1e9;
        }

        /** Start a one-task process, find its task, complete it. */
        void startAndComplete() {
            String instance = engine.getRuntimeService().startProcessInstanceByKey("bench", UUID.randomUUID().toString()).getId();
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
            engine.getTaskService().complete(task.getId());
        }

        @Override
        public void close() {
            engine.close();
            pool.close();
        }
    }

    static final class BareAxon implements AutoCloseable {
        private final HikariDataSource pool;
        private final Configuration configuration;
        private final String text = "x".repeat(200);

        BareAxon(Database database) throws Exception {
            database.create("bench_axon");
            pool = database.pool("bench_axon", 20);
            TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(pool));
            ConnectionProvider connections = new SpringDataSourceConnectionProvider(pool);
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                    .connectionProvider(connections)
                    .transactionManager(transactions)
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)
                    .build();
            storage.createSchema(PostgresEventTableFactory.INSTANCE);
            configuration = DefaultConfigurer.defaultConfiguration()
                    .configureTransactionManager(c -> transactions)
                    .configureSerializer(c -> serializer)
                    .configureEventSerializer(c -> serializer)
                    .configureEmbeddedEventStore(c -> storage)
                    .configureAggregate(BenchAggregate.class)
                    .buildConfiguration();
            configuration.start();
        }

        /** One command that appends one event (a new aggregate each time). */
        void command() {
            configuration.commandGateway().sendAndWait(new BenchAggregate.Create(UUID.randomUUID().toString(), text));
        }

        @Override
        public void close() {
            configuration.shutdown();
            pool.close();
        }
    }
}
