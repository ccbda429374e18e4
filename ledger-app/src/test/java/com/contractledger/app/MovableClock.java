package com.contractledger.app;

import com.contractledger.shared.SetClock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * The application on a clock the test moves: the domain's "today" and the instant the deadlines fall due by. The
 * scheduler is built as db-scheduler's Spring Boot starter builds it, from the same settings, with this clock instead
 * of the system's (the starter takes no clock). A source of the test's application, not a {@code @Configuration}: the
 * application scans this package, and only the tests that ask for it are to have it.
 */
class MovableClock {

    @Bean
    @Primary
    SetClock testClock() {
        return new SetClock(Instant.now());
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, DbSchedulerProperties settings, SetClock movable) {
        SchedulerBuilder builder = new SchedulerBuilder(new TransactionAwareDataSourceProxy(dataSource), tasks) {
            {
                clock = movable::instant;
            }
        };
        builder.tableName(settings.getTableName()).threads(settings.getThreads())
                .pollingInterval(settings.getPollingInterval()).heartbeatInterval(settings.getHeartbeatInterval())
                .deleteUnresolvedAfter(settings.getDeleteUnresolvedAfter())
                .shutdownMaxWait(settings.getShutdownMaxWait());
        if (settings.isImmediateExecutionEnabled()) {
            builder.enableImmediateExecution();
        }
        return builder.build();
    }
}
