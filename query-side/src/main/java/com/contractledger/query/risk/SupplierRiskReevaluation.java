package com.contractledger.query.risk;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-evaluates the levels that move with the passing of time ({@link SupplierRiskProjection#reevaluate}) once the
 * application is ready and then every {@code ledger.risk.reevaluate-every}.
 */
@Component
class SupplierRiskReevaluation {

    private static final Logger log = LoggerFactory.getLogger(SupplierRiskReevaluation.class);

    private final SupplierRiskProjection projection;
    private final Duration every;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "risk-reevaluation");
        thread.setDaemon(true);
        return thread;
    });
    /** The day of the last run that completed; null before the first. */
    private LocalDate reevaluatedOn;

    SupplierRiskReevaluation(SupplierRiskProjection projection,
                             @Value("${ledger.risk.reevaluate-every:1h}") Duration every) {
        this.projection = projection;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.scheduleWithFixedDelay(this::run, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    private void run() {
        try {
            reevaluatedOn = projection.reevaluate(reevaluatedOn);
        } catch (RuntimeException e) {
            log.warn("re-evaluating the suppliers' risk levels failed; trying again in {}", every, e);
        }
    }
}
