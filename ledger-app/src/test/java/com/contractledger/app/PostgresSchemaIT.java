package com.contractledger.app;

import com.contractledger.command.CommandSideApplication;
import com.contractledger.shared.ServiceWiring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema Flyway creates for the postgres profile: two histories (command side, query side) in one schema, Axon's
 * event, snapshot and token tables with PostgreSQL's types, and the indexes the event store's reads go through.
 */
class PostgresSchemaIT {

    @RegisterExtension
    final PostgresDatabase postgres = new PostgresDatabase();
    @TempDir
    Path dataDir;

    @Test
    void flyway_creates_the_event_store_with_its_indexes_once() throws Exception {
        try (InTestMongo mongo = new InTestMongo()) {
            try (LedgerProcess ledger = LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri()))) {
                assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-s1")).status()).isEqualTo(201);
                assertThat(ledger.post("buyer", "/api/contracts", contract("ct-s1", "sup-s1")).status())
                        .isEqualTo(201);
            }
            try (Connection db = postgres.connect(); Statement sql = db.createStatement()) {
                assertThat(migrations(sql, "flyway_event_store_history")).containsExactly("1 event store");
                assertThat(migrations(sql, "flyway_command_history"))
                        .containsExactly("1 deadlines", "2 idempotency and supplier standing");
                assertThat(migrations(sql, "flyway_query_history")).containsExactly("1 token store");
                // Flyway ran as the owner; the services, as roles that may read and write rows and nothing else
                assertThat(owners(sql)).containsOnly(PostgresDatabase.OWNER);
                try (Connection service = postgres.connectAsCommandSide();
                     Statement runtime = service.createStatement()) {
                    assertThat(Long.parseLong(single(runtime, "SELECT count(*) FROM domainevententry"))).isPositive();
                    assertThatThrownBy(
                                    () -> runtime.execute("CREATE TABLE forbidden (id INT)"))
                            .hasMessageContaining("permission denied");
                    assertThatThrownBy(
                                    () -> runtime.execute("TRUNCATE domainevententry"))
                            .hasMessageContaining("permission denied");
                }

                Map<String, String> indexes = indexes(sql);
                assertThat(indexes).containsEntry("domain_event_entry_pkey", "domainevententry (globalindex)")
                        .containsEntry("uk_domain_event_aggregate_sequence",
                                "domainevententry (aggregateidentifier, sequencenumber)")
                        .containsEntry("uk_domain_event_identifier", "domainevententry (eventidentifier)")
                        .containsEntry("snapshot_event_entry_pkey",
                                "snapshotevententry (aggregateidentifier, sequencenumber)")
                        .containsEntry("uk_snapshot_event_identifier", "snapshotevententry (eventidentifier)")
                        .containsEntry("token_entry_pkey", "tokenentry (processorname, segment)")
                        .containsEntry("execution_time_idx", "scheduled_tasks (execution_time)");

                assertThat(columnTypes(sql, "domainevententry")).containsEntry("globalindex", "bigint")
                        .containsEntry("payload", "bytea").containsEntry("metadata", "bytea")
                        .containsEntry("timestamp", "character varying");
                assertThat(columnTypes(sql, "tokenentry")).containsEntry("token", "bytea");
                assertThat(single(sql, "SELECT column_default FROM information_schema.columns "
                        + "WHERE table_name = 'domainevententry' AND column_name = 'globalindex'"))
                        .startsWith("nextval(");

                // Axon's reads, as its storage engine words them: sourcing an aggregate and tracking the stream.
                sql.execute("SET enable_seqscan = off");
                assertThat(plan(sql, "SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = 'ct-s1' "
                        + "AND sequenceNumber >= 0 ORDER BY sequenceNumber ASC"))
                        .contains("uk_domain_event_aggregate_sequence");
                assertThat(plan(sql, "SELECT * FROM DomainEventEntry WHERE (globalIndex > 1 AND globalIndex <= 100) "
                        + "ORDER BY globalIndex ASC")).contains("domain_event_entry_pkey");
                assertThat(plan(sql, "SELECT * FROM SnapshotEventEntry WHERE aggregateIdentifier = 'ct-s1' "
                        + "ORDER BY sequenceNumber DESC")).contains("snapshot_event_entry_pkey");
            }

            // A second start validates the applied migrations and applies nothing.
            LedgerProcess.start(dataDir, postgres.launcherArguments(mongo.uri())).close();
            try (Connection db = postgres.connect(); Statement sql = db.createStatement()) {
                assertThat(single(sql, "SELECT count(*) FROM flyway_event_store_history WHERE type <> 'BASELINE'"))
                        .isEqualTo("1");
                assertThat(single(sql, "SELECT count(*) FROM flyway_command_history WHERE type <> 'BASELINE'"))
                        .isEqualTo("2");
                assertThat(single(sql, "SELECT count(*) FROM flyway_query_history WHERE type <> 'BASELINE'"))
                        .isEqualTo("1");
            }
        }
    }

    /**
     * On the axonserver topology the command side's PostgreSQL holds its bookkeeping only: Flyway creates the deadline
     * schedule, idempotency keys and supplier standing, and no event tables (Axon Server keeps the events).
     */
    @Test
    void on_axonserver_the_command_side_creates_its_bookkeeping_tables_and_no_event_tables() throws Exception {
        try (ConfigurableApplicationContext commandSide = CommandSideApplication.application()
                .profiles("axonserver").run(Stream.concat(Stream.of("--server.port=0",
                        "--AXONSERVER_SERVERS=127.0.0.1:" + ServiceWiring.closedPort()),
                        postgres.commandSideArguments().stream()).toArray(String[]::new));
             Connection db = postgres.connect(); Statement sql = db.createStatement()) {
            assertThat(commandSide.isRunning()).isTrue();
            assertThat(migrations(sql, "flyway_command_history"))
                    .containsExactly("1 deadlines", "2 idempotency and supplier standing");
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).containsExactlyInAnyOrder("scheduled_tasks", "idempotency_key", "supplier_standing",
                    "flyway_command_history");
        }
    }

    /** The owners of the tables, sequences and indexes in schema public. */
    private static List<String> owners(Statement sql) throws SQLException {
        List<String> owners = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT DISTINCT pg_get_userbyid(c.relowner) FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")) {
            while (rows.next()) {
                owners.add(rows.getString(1));
            }
        }
        return owners;
    }

    private static List<String> migrations(Statement sql, String history) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT version, description, success FROM " + history
                + " WHERE type <> 'BASELINE' ORDER BY installed_rank")) {
            while (rows.next()) {
                assertThat(rows.getBoolean("success")).isTrue();
                applied.add(rows.getString("version") + " " + rows.getString("description"));
            }
        }
        return applied;
    }

    /** Each index as "table (columns)". */
    private static Map<String, String> indexes(Statement sql) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT indexname, tablename, indexdef FROM pg_indexes "
                + "WHERE schemaname = 'public'")) {
            while (rows.next()) {
                String definition = rows.getString("indexdef");
                indexes.put(rows.getString("indexname"), rows.getString("tablename") + " "
                        + definition.substring(definition.lastIndexOf('(')));
            }
        }
        return indexes;
    }

    private static Map<String, String> columnTypes(Statement sql, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_name = '" + table + "'")) {
            while (rows.next()) {
                types.put(rows.getString(1), rows.getString(2));
            }
        }
        return types;
    }

    private static String plan(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("EXPLAIN " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
