package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection borrowed from the pool goes back exactly once. HikariCP's close of a connection already returned
 * clears the statements of whoever borrowed it next, so one second close per command corrupted other requests'
 * connections under load (seen as an {@code ArrayIndexOutOfBoundsException} in HikariCP and a 500).
 */
class PooledConnectionsIT {

    @TempDir
    Path dataDir;

    @Test
    void every_borrowed_connection_is_returned_once() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, List.of(WatchedPool.class))) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-p")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-p", "sup-p")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts/ct-p/signature", SIGNATURE).status()).isEqualTo(202);
            assertThat(ledger.post("buyer", "/api/contracts/ct-p/deliveries", LATE_PARTLY_REJECTED_DELIVERY).status())
                    .isEqualTo(201);
            assertThat(ledger.get("auditor", "/api/contracts/ct-p?minVersion=2").status()).isEqualTo(200);

            WatchedPool pool = ledger.bean(WatchedPool.class);
            assertThat(pool.borrowed()).isGreaterThan(4);
            assertThat(pool.closedTwice()).as("connections closed after they were returned").isEmpty();
        }
    }

    /**
     * Reads take no pooled connection: their queries run in a transaction of the application's transaction manager,
     * but read only MongoDB, and a connection each of them held was one a command could not have.
     */
    @Test
    void reads_take_no_pooled_connection_and_commands_do() {
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, List.of(WatchedPool.class))) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-r")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/contracts", contract("ct-r", "sup-r")).status()).isEqualTo(201);
            assertThat(ledger.get("auditor", "/api/contracts/ct-r?minVersion=1").status()).isEqualTo(200);
            WatchedPool pool = ledger.bean(WatchedPool.class);

            int before = pool.borrowedOnRequestThreads();
            for (int i = 0; i < 20; i++) {
                assertThat(ledger.get("auditor", "/api/contracts/ct-r").status()).isEqualTo(200);
                assertThat(ledger.get("auditor", "/api/suppliers/sup-r").status()).isEqualTo(200);
                assertThat(ledger.get("auditor", "/api/contracts/ct-r/history").status()).isEqualTo(200);
            }
            assertThat(pool.borrowedOnRequestThreads()).as("connections taken by 60 reads").isEqualTo(before);

            assertThat(ledger.post("buyer", "/api/contracts/ct-r/signature", SIGNATURE).status()).isEqualTo(202);
            assertThat(pool.borrowedOnRequestThreads()).as("a command appends its events").isGreaterThan(before);
        }
    }

    /**
     * Wraps the application's data source and notes every connection closed a second time, with where. Not a
     * {@code @Configuration}: the application scans this package, and only this test's application is to have it.
     */
    static class WatchedPool implements BeanPostProcessor, PriorityOrdered {

        private final AtomicInteger borrowed = new AtomicInteger();
        private final AtomicInteger borrowedOnRequestThreads = new AtomicInteger();
        private final Queue<String> closedTwice = new ConcurrentLinkedQueue<>();

        int borrowed() {
            return borrowed.get();
        }

        /** Connections taken from the pool on the web server's request threads. */
        int borrowedOnRequestThreads() {
            return borrowedOnRequestThreads.get();
        }

        List<String> closedTwice() {
            return List.copyOf(closedTwice);
        }

        /** First, so that it watches the pool itself rather than the application's wrapping of it. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
            if (!(bean instanceof DataSource dataSource) || !name.equals("dataSource")) {
                return bean;
            }
            return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class},
                    (proxy, method, args) -> {
                        Object result = call(dataSource, method, args);
                        return result instanceof Connection connection ? watched(connection) : result;
                    });
        }

        private Connection watched(Connection connection) {
            borrowed.incrementAndGet();
            if (Thread.currentThread().getName().startsWith("http-nio-")) {
                borrowedOnRequestThreads.incrementAndGet();
            }
            AtomicBoolean closed = new AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && closed.getAndSet(true)) {
                            closedTwice.add(Arrays.stream(new Throwable().getStackTrace()).skip(2).limit(12)
                                    .map(StackTraceElement::toString).collect(Collectors.joining("\n  ")));
                        }
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> call(connection, method, args);
                        };
                    });
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
