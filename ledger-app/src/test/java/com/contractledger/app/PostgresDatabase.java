package com.contractledger.app;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * A database of its own on a real PostgreSQL, for a test class (registered on a static field) or for each test
 * (registered on an instance field), dropped afterwards. The server is {@code LEDGER_TEST_JDBC_URL} (user and password
 * {@code LEDGER_TEST_JDBC_USER}, {@code LEDGER_TEST_JDBC_PASSWORD}), by default the one {@code .ci/postgres} starts;
 * its user must be allowed to create databases. When no server answers, the tests are skipped with the reason and
 * how to get one — unless {@code CI} is set: under CI they must run, so they fail.
 */
final class PostgresDatabase
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String SERVER_URL = env("LEDGER_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:55432/ledger");
    static final String USER = env("LEDGER_TEST_JDBC_USER", "ledger");
    static final String PASSWORD = env("LEDGER_TEST_JDBC_PASSWORD", "ledger");

    /** Why the server cannot be reached, or "" once it was; checked once per test run. */
    private static String unreachable;

    private String database;
    private boolean perClass;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = unreachable();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + SERVER_URL);
        }
        if (System.getenv("CI") != null) {
            return ConditionEvaluationResult.enabled("CI is set: the PostgreSQL tests must run");
        }
        String reason = "PostgreSQL tests skipped: " + advice(problem);
        System.err.println(context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        perClass = true;
        create(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        if (!perClass) {
            create(context);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        if (!perClass) {
            drop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        drop();
    }

    /** The JDBC URL of this test's database. */
    String jdbcUrl() {
        int hostStart = SERVER_URL.indexOf("//") + 2;
        int pathStart = SERVER_URL.indexOf('/', hostStart);
        int query = SERVER_URL.indexOf('?', pathStart);
        return SERVER_URL.substring(0, pathStart + 1) + database + (query < 0 ? "" : SERVER_URL.substring(query));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    /**
     * Arguments that start the one-process launcher on the postgres profile against this database and the given
     * MongoDB, through the variables an operator sets, with the demo users of the embedded default configured
     * explicitly (the postgres profile has none of its own).
     */
    String[] launcherArguments(String mongoUri) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                "--LEDGER_JDBC_URL=" + jdbcUrl(), "--LEDGER_JDBC_USER=" + USER, "--LEDGER_JDBC_PASSWORD=" + PASSWORD,
                "--MONGODB_URI=" + mongoUri,
                // the in-test MongoDB wire server does not answer Spring Boot's health command
                "--management.health.mongo.enabled=false"));
        List<String> users = List.of("buyer", "auditor", "compliance", "dashboard", "admin");
        for (int i = 0; i < users.size(); i++) {
            String prefix = "--ledger.security.users[" + i + "].";
            arguments.add(prefix + "name=" + users.get(i));
            arguments.add(prefix + "password={noop}demo");
            arguments.add(prefix + "roles=" + users.get(i).toUpperCase(Locale.ROOT));
        }
        return arguments.toArray(String[]::new);
    }

    private void create(ExtensionContext context) throws SQLException {
        requireServer();
        String test = context.getTestMethod().map(method -> method.getName())
                .orElse(context.getRequiredTestClass().getSimpleName()).toLowerCase(Locale.ROOT);
        database = "t_" + test.replaceAll("[^a-z0-9]", "_").substring(0, Math.min(40, test.length())) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        execute("CREATE DATABASE \"" + database + "\"");
    }

    private void drop() throws SQLException {
        if (database != null) {
            // FORCE: an application the test left running must not keep it.
            execute("DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
            database = null;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection server = DriverManager.getConnection(SERVER_URL, credentials());
             Statement statement = server.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void requireServer() {
        String problem = unreachable();
        if (!problem.isEmpty()) {
            throw new IllegalStateException("CI is set, so the PostgreSQL tests must run, but: " + advice(problem));
        }
    }

    private static synchronized String unreachable() {
        if (unreachable == null) {
            try (Connection server = DriverManager.getConnection(SERVER_URL, credentials())) {
                unreachable = "";
            } catch (SQLException e) {
                unreachable = e.getMessage();
            }
        }
        return unreachable;
    }

    private static String advice(String problem) {
        return "no PostgreSQL at " + SERVER_URL + " as " + USER + " (" + problem + "). Start one with "
                + "`sudo .ci/postgres` (installs Debian's postgresql if missing, listens on 127.0.0.1:55432 only), or "
                + "point LEDGER_TEST_JDBC_URL, LEDGER_TEST_JDBC_USER and LEDGER_TEST_JDBC_PASSWORD at a server whose "
                + "user may create databases.";
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "10");
        return properties;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
