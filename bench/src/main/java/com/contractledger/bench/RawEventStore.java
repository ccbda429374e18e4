package com.contractledger.bench;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.serialization.LedgerJson;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Axon's JDBC storage engine on an H2 file configured as the application configures it: the limits of the store itself,
 * with no command handling, HTTP or projection in the way.
 */
final class RawEventStore implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final JdbcEventStorageEngine engine;

    private RawEventStore(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        Serializer serializer = LedgerJson.serializer();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .build();
    }

    /** Opens the event database under {@code dataDir} (creating its tables if new), as the application does. */
    static RawEventStore open(Path dataDir, Path schema) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger") + ";WRITE_DELAY=0");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(20);
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : Files.readString(schema).split(";")) {
                String withoutComments = ddl.lines().filter(line -> !line.trim().startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b).trim();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
        }
        return new RawEventStore(dataSource);
    }

    /** Appends {@code count} events, one per transaction, from {@code writers} threads; returns events per second. */
    double appendRate(int count, int writers) throws Exception {
        long[] sequences = new long[writers];
        long started = System.nanoTime();
        Workers.run(writers, count, (writer, i) -> {
            String aggregate = "raw-" + writers + "-" + writer;
            long sequence = sequences[writer]++;
            engine.appendEvents(List.of(new GenericDomainEventMessage<>("Contract", aggregate, sequence,
                    sampleDelivery(aggregate, sequence + 1))));
        });
        return count / seconds(started);
    }

    /** Reads every stored event from position 0, deserializing each payload as a replay must; events per second. */
    ReadResult readAll() {
        long started = System.nanoTime();
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                if (iterator.next().getPayload() != null) {
                    events++;
                }
            }
        }
        return new ReadResult(events, events / seconds(started));
    }

    record ReadResult(long events, double perSecond) {
    }

    private static ContractDeliveredEvent sampleDelivery(String aggregate, long sequence) {
        return new ContractDeliveredEvent(ContractId.of(aggregate), "dl-" + sequence, "d1", LocalDate.of(2026, 12, 18),
                List.of(new DeliveredLine("M8-30", new BigDecimal("6000"), new BigDecimal("5800"), new BigDecimal("200"))),
                "200 pcs thread defects", "Li Na", true, 3, Money.of("5400.00", "CNY"), false);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
