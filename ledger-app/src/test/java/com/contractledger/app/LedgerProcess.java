package com.contractledger.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The whole application started on the embedded default in a data directory of the test's, reached over HTTP like a
 * client reaches it. Stop and start again on the same directory to test a restart.
 */
final class LedgerProcess extends RunningLedger {

    private final Path dataDir;
    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private LedgerProcess(Path dataDir, ConfigurableApplicationContext context) {
        this.dataDir = dataDir;
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    static LedgerProcess start(Path dataDir, String... extraArgs) {
        return start(dataDir, List.of(), extraArgs);
    }

    /** With {@code configurations} of the test's added to the application's own. */
    static LedgerProcess start(Path dataDir, List<Class<?>> configurations, String... extraArgs) {
        String[] args = new String[2 + extraArgs.length];
        args[0] = "--server.port=0";
        args[1] = "--ledger.data-dir=" + dataDir.toAbsolutePath();
        System.arraycopy(extraArgs, 0, args, 2, extraArgs.length);
        return new LedgerProcess(dataDir, new SpringApplicationBuilder(ContractLedgerApplication.class)
                .sources(configurations.toArray(Class<?>[]::new)).run(args));
    }

    /** Read through Axon's storage engine. */
    @Override
    List<DomainEventMessage<?>> events(String aggregateId) {
        return context.getBean(EventStorageEngine.class).readEvents(aggregateId, 0).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    @Override
    long storedEventCount() {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    String baseUrl() {
        return baseUrl;
    }

    /** Opens the stopped application's event database directly, as an operator (or an attacker) could. */
    static Connection openDatabase(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ledger"), "sa", "");
    }

    @Override
    public void close() {
        context.close();
    }
}
