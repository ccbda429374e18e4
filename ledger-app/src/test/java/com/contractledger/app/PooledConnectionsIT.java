package com.contractledger.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;

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
     * Wraps the application's data source and notes every connection closed a second time, with where. Not a
     * {@code @Configuration}: the application scans this package, and only this test's application is to have it.
     */
    static class WatchedPool implements BeanPostProcessor {

        private final AtomicInteger borrowed = new AtomicInteger();
        private final Queue<String> closedTwice = new ConcurrentLinkedQueue<>();

        int borrowed() {
            return borrowed.get();
        }

        List<String> closedTwice() {
            return List.copyOf(closedTwice);
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
