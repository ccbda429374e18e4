package com.contractledger.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * The processors tail Axon's event table, which the command side's migration creates. A query side started first on
 * a fresh database waits here for it, before its processors start: Axon would otherwise give up on them after thirty
 * tries and stop the application.
 */
final class EventTableWait implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EventTableWait.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Duration limit;

    EventTableWait(JdbcTemplate jdbc, Duration limit) {
        this.jdbc = jdbc;
        this.limit = limit;
    }

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        Instant nextLog = Instant.now();
        while (!exists()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no event table after " + limit + ": start the command side, "
                        + "whose migration (db/command) creates it, on the same database");
            }
            if (Instant.now().isAfter(nextLog)) {
                log.info("Waiting for the command side to create Axon's event table (its migration db/command)");
                nextLog = Instant.now().plusSeconds(10);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private boolean exists() {
        try {
            jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE 1 = 0", Long.class);
            return true;
        } catch (DataAccessException notYet) {
            return false;
        }
    }
}
