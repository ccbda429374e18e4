package com.contractledger.app;

import com.contractledger.api.contract.upcasting.ContractDeliveredEventUpcaster;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.app.wire.AxonServerWire;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The production shape on one machine: the command-side and the query-side service as child processes from their jars,
 * configured as an operator configures them, and the front before them ({@link NginxFront}: nginx with
 * docker/front/ledger-front.conf). Tests talk to {@link #baseUrl()}, the front, as clients do. The events are in an H2
 * file both services reach through H2's automatic server mode, or in a PostgreSQL database (profile postgres); the
 * views in an in-test MongoDB. The users are the embedded default's demo users, given to both services as {bcrypt}
 * hashes. Both services send their commands and queries through Axon Server's boundary ({@link AxonServerWire}), as
 * they would on the axonserver topology. Test classes using it register {@link NginxFront.Required}.
 */
final class FrontedServices extends RunningLedger {

    static final List<String> USERS = List.of("buyer", "auditor", "compliance", "dashboard", "admin");

    private final InTestMongo mongo;
    private final ConnectionProvider database;
    private final JdbcEventStorageEngine storedEvents;
    private ServiceProcess commandSide;
    private ServiceProcess querySide;
    private NginxFront front;

    private FrontedServices(InTestMongo mongo, ConnectionProvider database) {
        this.mongo = mongo;
        this.database = database;
        this.storedEvents = JdbcEventStorageEngine.builder()
                .connectionProvider(database)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(LedgerJson.serializer())
                .snapshotSerializer(LedgerJson.serializer())
                .upcasterChain(new EventUpcasterChain(new ContractDeliveredEventUpcaster()))
                .build();
    }

    /** Events in an H2 file in {@code dir}; {@code arguments} go to both services. */
    static FrontedServices start(Path dir, String... arguments) throws Exception {
        NginxFront.requireInstalled();
        // AUTO_RECONNECT: the database outlives the command side, which opened it first, as a database server does.
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("events") + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE";
        FrontedServices services = new FrontedServices(new InTestMongo(),
                () -> DriverManager.getConnection(url, "sa", ""));
        try {
            String datasource = "--spring.datasource.url=" + url;
            Map<String, String> environment = users();
            // The command side creates the tables, so it starts first.
            List<Path> classPath = List.of(h2Jar(), AxonServerWire.classesIn(dir.resolve("wire")));
            services.commandSide = ServiceProcess.start("command-side", serviceJar("command-side"), classPath,
                    environment, join(List.of(datasource, "--spring.datasource.username=sa",
                            "--axon.axonserver.enabled=false", "--spring.sql.init.mode=always",
                            "--spring.sql.init.schema-locations=classpath:schema/h2.sql"), arguments), dir)
                    .awaitHealthy();
            environment.put("MONGODB_URI", services.mongo.uri());
            // the in-test MongoDB wire server does not know the "hello" command of Spring Boot's MongoDB health check
            services.querySide = ServiceProcess.start("query-side", serviceJar("query-side"), classPath,
                    environment, join(List.of(datasource, "--spring.datasource.username=sa",
                            "--axon.axonserver.enabled=false", "--management.health.mongo.enabled=false",
                            "--ledger.event-store.poll-interval=100ms"), arguments), dir).awaitHealthy();
            services.front = NginxFront.start(dir.resolve("front"), services.commandSide.address(),
                    services.querySide.address());
            return services;
        } catch (Exception | AssertionError e) {
            services.close();
            throw e;
        }
    }

    /** Events in {@code database} on the postgres profile; {@code arguments} go to both services. */
    static FrontedServices startOnPostgres(Path dir, PostgresDatabase database, String... arguments) throws Exception {
        NginxFront.requireInstalled();
        FrontedServices services = new FrontedServices(new InTestMongo(), database::connect);
        try {
            Map<String, String> environment = users();
            environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            Map<String, String> querySideEnvironment = new HashMap<>(environment);
            environment.putAll(database.commandSideEnvironment());
            querySideEnvironment.putAll(database.querySideEnvironment());
            querySideEnvironment.put("MONGODB_URI", services.mongo.uri());
            // Both at once: the query side waits for the event table the command side creates.
            List<Path> classPath = List.of(AxonServerWire.classesIn(dir.resolve("wire")));
            services.querySide = ServiceProcess.start("query-side", serviceJar("query-side"), classPath,
                    querySideEnvironment, join(List.of("--management.health.mongo.enabled=false"), arguments), dir);
            services.commandSide = ServiceProcess.start("command-side", serviceJar("command-side"), classPath,
                    environment, join(List.of(), arguments), dir).awaitHealthy();
            services.querySide.awaitHealthy();
            services.front = NginxFront.start(dir.resolve("front"), services.commandSide.address(),
                    services.querySide.address());
            return services;
        } catch (Exception | AssertionError e) {
            services.close();
            throw e;
        }
    }

    @Override
    String baseUrl() {
        return front.baseUrl();
    }

    @Override
    List<String> apiDescriptions() {
        return List.of("/command-side/v3/api-docs", "/query-side/v3/api-docs");
    }

    /** Read from the event table the command side writes, through an Axon storage engine of the test's. */
    @Override
    List<DomainEventMessage<?>> events(String aggregateId) {
        return storedEvents.readEvents(aggregateId, 0).asStream().<DomainEventMessage<?>>map(event -> event).toList();
    }

    @Override
    long storedEventCount() {
        try (Connection connection = database.getConnection();
             ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ServiceProcess commandSide() {
        return commandSide;
    }

    ServiceProcess querySide() {
        return querySide;
    }

    /** What the front, the query side and the command side last logged, for a failure's message. */
    String logTails() {
        return "front:\n" + front.logTail() + "\nquery side:\n" + querySide.logTail() + "\ncommand side:\n"
                + commandSide.logTail();
    }

    /** Stops the front, then the services; the command side may have been stopped already. */
    @Override
    public void close() {
        try {
            if (front != null) {
                front.close();
            }
            if (querySide != null) {
                querySide.close();
            }
            if (commandSide != null) {
                commandSide.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            mongo.close();
        }
    }

    /** Users as an operator configures them: names, {bcrypt} hashes of the demo password and roles. */
    private static Map<String, String> users() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        Map<String, String> environment = new HashMap<>();
        for (int i = 0; i < USERS.size(); i++) {
            environment.put("LEDGER_SECURITY_USERS_" + i + "_NAME", USERS.get(i));
            environment.put("LEDGER_SECURITY_USERS_" + i + "_PASSWORD", "{bcrypt}" + bcrypt.encode("demo"));
            environment.put("LEDGER_SECURITY_USERS_" + i + "_ROLES", USERS.get(i).toUpperCase(Locale.ROOT));
        }
        return environment;
    }

    /** {@code first}, the arguments that put Axon Server's boundary in the service, and {@code more}. */
    private static List<String> join(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(AxonServerWire.SERVICE_ARGUMENTS);
        all.addAll(List.of(more));
        return all;
    }

    private static Path serviceJar(String module) {
        return Path.of("..", module, "target", module + "-service.jar").toAbsolutePath().normalize();
    }

    private static Path h2Jar() throws URISyntaxException {
        return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
