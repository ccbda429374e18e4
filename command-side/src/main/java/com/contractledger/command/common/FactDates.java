package com.contractledger.command.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The two date rules of a recorded fact (a signing, a delivery, a payment, a breach, a credit assessment...):
 * <ul>
 *     <li><b>No fact from the future</b>: it happened at most today (UTC) plus {@code ledger.facts.future-tolerance-days}
 *     (default 1), the allowance for a user whose day starts before UTC's.</li>
 *     <li><b>No fact before what it depends on</b>: a delivery not before the signing, a breach not before the delivery
 *     it names, and so on.</li>
 * </ul>
 * Planned dates (due dates, expiry, effective-from) may lie in the future and are not checked here. Aggregates get
 * this bean as a command handler parameter; "today" comes from the application's one clock.
 */
@Component
public class FactDates {

    private final Clock clock;
    private final int toleranceDays;

    public FactDates(Clock clock, @Value("${ledger.facts.future-tolerance-days:1}") int toleranceDays) {
        if (toleranceDays < 0) {
            throw new IllegalArgumentException("ledger.facts.future-tolerance-days must be 0 or more, is " + toleranceDays);
        }
        this.clock = clock;
        this.toleranceDays = toleranceDays;
    }

    /** Today in UTC, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Now, by the application's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** No fact from the future: {@code fact} (e.g. "signing date") on {@code date} is at most today plus the tolerance. */
    public void notInFuture(String fact, LocalDate date) {
        LocalDate today = today();
        if (date.isAfter(today.plusDays(toleranceDays))) {
            throw CommonRule.FACT_FROM_FUTURE.violation("no fact from the future: the " + fact + " " + date
                    + " is after today, " + today + " (UTC, allowing " + toleranceDays
                    + (toleranceDays == 1 ? " day" : " days") + " for time zones)",
                    "fact", fact, "date", date, "today", today, "toleranceDays", toleranceDays);
        }
    }

    /** {@link #notInFuture(String, LocalDate)} for a fact recorded to the instant; its date is the UTC date. */
    public void notInFuture(String fact, Instant instant) {
        notInFuture(fact, LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }

    /**
     * No fact before what it depends on: {@code fact} on {@code date} is not before {@code dependency} on
     * {@code earliest}. Nothing to check when the dependency has no date.
     */
    public static void notBefore(String fact, LocalDate date, String dependency, LocalDate earliest) {
        if (earliest != null && date.isBefore(earliest)) {
            throw CommonRule.FACT_BEFORE_DEPENDENCY.violation("no fact before what it depends on: the " + fact + " "
                    + date + " is before the " + dependency + " " + earliest,
                    "fact", fact, "date", date, "dependsOn", dependency, "earliest", earliest);
        }
    }
}
