package com.contractledger.app;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A database of its own on a real PostgreSQL, for a test class (registered on a static field) or for each test
 * (registered on an instance field), dropped afterwards. The server is {@code LEDGER_TEST_JDBC_URL} (user and password
 * {@code LEDGER_TEST_JDBC_USER}, {@code LEDGER_TEST_JDBC_PASSWORD}), by default the one {@code .ci/postgres} starts;
 * its user must be allowed to create databases. When no server answers, the tests are skipped with the reason and
 * how to get one — unless {@code CI} is set: under CI they must run, so they fail.
 *
 * <p>The services run as in the compose files, with the least-privilege roles of
 * {@code docker/postgres/init-users.sh}: each database is created owned by {@link #OWNER}, set up by that very script
 * (run with psql, as the test's user, a member of the owner), Flyway migrates as the owner and the services connect
 * as {@link #COMMAND_USER} and {@link #QUERY_USER}, which may only read and write rows. {@code .ci/postgres} creates
 * the roles; elsewhere run the script once as a superuser (LEDGER_TEST_JDBC_OWNER, _COMMAND_USER, _QUERY_USER and
 * their _PASSWORD variables name others).
 */
final class PostgresDatabase
        implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    static final String SERVER_URL = env("LEDGER_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:55432/ledger");
    static final String USER = env("LEDGER_TEST_JDBC_USER", "ledger");
    static final String PASSWORD = env("LEDGER_TEST_JDBC_PASSWORD", "ledger");
    /** Owns each test's database and its tables; Flyway's migrations run as it. */
    static final String OWNER = env("LEDGER_TEST_JDBC_OWNER", "ledger_owner");
    static final String OWNER_PASSWORD = env("LEDGER_TEST_JDBC_OWNER_PASSWORD", "ledger");
    /** The command side (and the one-process launcher) at runtime: rows only. */
    static final String COMMAND_USER = env("LEDGER_TEST_JDBC_COMMAND_USER", "ledger_command");
    static final String COMMAND_PASSWORD = env("LEDGER_TEST_JDBC_COMMAND_PASSWORD", "ledger");
    /** The query side at runtime: rows only. */
    static final String QUERY_USER = env("LEDGER_TEST_JDBC_QUERY_USER", "ledger_query");
    static final String QUERY_PASSWORD = env("LEDGER_TEST_JDBC_QUERY_PASSWORD", "ledger");
    private static final Path INIT_USERS = Path.of("..", "docker", "postgres", "init-users.sh");

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

    /** A connection as the command side's runtime role. */
    Connection connectAsCommandSide() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), COMMAND_USER, COMMAND_PASSWORD);
    }

    /**
     * The variables an operator sets for the command side on this database (the launcher takes the same): its runtime
     * role as LEDGER_JDBC_USER, the owner for Flyway as SPRING_FLYWAY_USER.
     */
    Map<String, String> commandSideEnvironment() {
        return environment(COMMAND_USER, COMMAND_PASSWORD);
    }

    /** As {@link #commandSideEnvironment()}, for the query side and its own role. */
    Map<String, String> querySideEnvironment() {
        return environment(QUERY_USER, QUERY_PASSWORD);
    }

    /**
     * {@link #commandSideEnvironment()} as command-line arguments: Spring's own properties by their names (only the
     * environment maps SPRING_FLYWAY_USER to spring.flyway.user), the ledger's variables as they are.
     */
    List<String> commandSideArguments() {
        return commandSideEnvironment().entrySet().stream().map(e -> "--" + (e.getKey().startsWith("SPRING_")
                ? e.getKey().toLowerCase(Locale.ROOT).replace('_', '.') : e.getKey()) + "=" + e.getValue()).toList();
    }

    private Map<String, String> environment(String user, String password) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LEDGER_JDBC_URL", jdbcUrl());
        environment.put("LEDGER_JDBC_USER", user);
        environment.put("LEDGER_JDBC_PASSWORD", password);
        environment.put("SPRING_FLYWAY_USER", OWNER);
        environment.put("SPRING_FLYWAY_PASSWORD", OWNER_PASSWORD);
        return environment;
    }

    /**
     * Arguments that start the one-process launcher on the postgres profile against this database and the given
     * MongoDB, through the variables an operator sets, with the demo users of the embedded default configured
     * explicitly (the postgres profile has none of its own).
     */
    String[] launcherArguments(String mongoUri) {
        List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=postgres"));
        arguments.addAll(commandSideArguments());
        arguments.addAll(List.of("--MONGODB_URI=" + mongoUri,
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
        execute("CREATE DATABASE \"" + database + "\" OWNER \"" + OWNER + "\"");
        initUsers();
    }

    /**
     * docker/postgres/init-users.sh on this database, as the compose files' PostgreSQL runs it, but as the test's user
     * and without password files: it grants the runtime roles their rights and checks that the roles exist.
     */
    private void initUsers() {
        int hostStart = SERVER_URL.indexOf("//") + 2;
        String[] hostPort = SERVER_URL.substring(hostStart, SERVER_URL.indexOf('/', hostStart)).split(":");
        ProcessBuilder script = new ProcessBuilder("bash", INIT_USERS.toString()).redirectErrorStream(true);
        Map<String, String> environment = script.environment();
        environment.put("PGHOST", hostPort[0]);
        environment.put("PGPORT", hostPort.length > 1 ? hostPort[1] : "5432");
        environment.put("PGUSER", USER);
        environment.put("PGPASSWORD", PASSWORD);
        environment.put("LEDGER_DB_NAME", database);
        environment.put("LEDGER_DB_OWNER", OWNER);
        environment.put("LEDGER_DB_COMMAND_USER", COMMAND_USER);
        environment.put("LEDGER_DB_QUERY_USER", QUERY_USER);
        environment.put("LEDGER_SECRETS_DIR", "/nonexistent");
        try {
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(INIT_USERS + " failed on " + database + " (the roles are made by "
                        + "`sudo .ci/postgres`, or by that script run once as a superuser): " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + INIT_USERS + " (needs bash and psql)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
