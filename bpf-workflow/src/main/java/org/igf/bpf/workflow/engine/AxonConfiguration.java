package org.igf.bpf.workflow.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.igf.bpf.core.account.AccountAggregate;
import org.igf.bpf.core.cycle.CycleAggregate;
import org.igf.bpf.core.forum.ForumAggregate;
import org.igf.bpf.core.forum.ForumGates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Axon on the shared PostgreSQL: JDBC event store and token store with snake_case tables (DDL in
 * the Flyway migration V1), JSON payloads, the forum and cycle aggregates, attribution metadata on every
 * message, and the gate thresholds injected into the aggregate's command handlers.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Every aggregate's commands find their target through it (the command classes' annotated members, looked up once). */
    private static final CachedCommandTargetResolver TARGETS = new CachedCommandTargetResolver();

    /**
     * How often, at most, the event store's producer reads the tail of the store for the projections: under
     * a steady stream of commits each read takes the events of this long, and the read models are at most
     * this much later.
     */
    static final Duration TAIL_READ_INTERVAL = Duration.ofMillis(10);

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * The JDBC event store as Axon's autoconfiguration builds it, but reading up to 1,000 events per
     * query (Axon's default is 100): a projection replaying the store makes a tenth of the round trips;
     * without snapshots, and reading the tail at most once per {@link #TAIL_READ_INTERVAL} (see
     * {@link ApplicationEventStorageEngine}).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 org.axonframework.config.Configuration configuration, ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager, EventSchema eventSchema) {
        return new ApplicationEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(1000), TAIL_READ_INTERVAL);
    }

    /**
     * The event store as Axon's autoconfiguration builds it, but looking for new events every 100 ms
     * when it has not been told of any (Axon's default is a second). A command sent inside an outer
     * transaction (a Camunda delegate in the task completion's transaction) announces its event when
     * its unit of work ends, before that transaction commits; the projections then see the event at
     * the next look, so this delay (with the projections' coalescing window, bpf.projections.*) bounds
     * how late the read models can be. An idle node makes one cheap query per 100 ms for it.
     */
    @Bean
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(100)
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /** Events as readable JSON; instants as ISO-8601 strings so the stored payloads read well in SQL. */
    static Serializer jsonSerializer() {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new DomainJsonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        // registered after Axon's own module, so it is the one Jackson finds for MetaData
        mapper.registerModule(new SimpleModule("bpf-metadata").addDeserializer(MetaData.class, new MetaDataJsonDeserializer()));
        return serializer;
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jsonSerializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jsonSerializer();
    }

    /** Spring Boot adds Jackson modules found as beans to the web layer's ObjectMapper too. */
    @Bean
    public DomainJsonModule domainJsonModule() {
        return new DomainJsonModule();
    }

    /**
     * Every aggregate type with a bounded cache of its own (see {@link AggregateCache}): a command
     * on a forum does not replay the forum's whole stream.
     */
    @Bean
    public AggregateCache forumAggregateCache(@Value("${bpf.axon.aggregate-cache-size:256}") int cacheSize,
                                              ObjectProvider<EventStore> eventStore) {
        return new AggregateCache(cacheSize, eventStore::getObject);
    }

    @Bean
    public ConfigurerModule forumAggregateModule(AggregateCache forumAggregateCache) {
        return configurer -> configurer.configureAggregate(aggregate(ForumAggregate.class, configuration -> forumAggregateCache));
    }

    @Bean
    public ConfigurerModule accountAggregateModule(@Value("${bpf.axon.aggregate-cache-size:256}") int cacheSize) {
        return configurer -> configurer.configureAggregate(
                aggregate(AccountAggregate.class, configuration -> new AggregateCache(cacheSize, configuration::eventStore)));
    }

    @Bean
    public ConfigurerModule cycleAggregateModule(@Value("${bpf.axon.aggregate-cache-size:256}") int cacheSize) {
        return configurer -> configurer.configureAggregate(
                aggregate(CycleAggregate.class, configuration -> new AggregateCache(cacheSize, configuration::eventStore)));
    }

    /** How every aggregate type is configured: its cache, and its commands' targets found through {@link #TARGETS}. */
    private static <A> AggregateConfigurer<A> aggregate(Class<A> aggregate, Function<org.axonframework.config.Configuration, AggregateCache> cache) {
        return AggregateConfigurer.defaultConfiguration(aggregate)
                .configureCache(cache::apply)
                .configureCommandTargetResolver(configuration -> TARGETS);
    }

    /** Runs a command that lost a race for the aggregate's next event once more (outside callers' transactions). */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return new RetryingCommandGateway(commandBus);
    }

    @Bean
    public ForumGates forumGates(@Value("${bpf.gates.min-experts:3}") int minExperts,
                                 @Value("${bpf.gates.min-stakeholder-groups:3}") int minStakeholderGroups) {
        return new ForumGates(minExperts, minStakeholderGroups);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    public CorrelationDataProvider attributionProvider() {
        return new SimpleCorrelationDataProvider(MessageAttribution.KEYS.toArray(String[]::new));
    }

    @Bean
    public MessageAttribution messageAttribution(CommandBus commandBus) {
        MessageAttribution attribution = new MessageAttribution();
        commandBus.registerDispatchInterceptor(attribution);
        return attribution;
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
