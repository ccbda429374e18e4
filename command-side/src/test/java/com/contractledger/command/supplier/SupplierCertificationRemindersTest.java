package com.contractledger.command.supplier;

import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.SupplierCertificationExpiredEvent;
import com.contractledger.api.supplier.SupplierCertificationExpiringEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.TerminateSupplierRelationshipCommand;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.shared.SetClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A certification is announced 60 days before the end of its validity and again once it has expired. */
class SupplierCertificationRemindersTest {

    private static final SupplierId SUPPLIER = SupplierId.of("sup-cert-1");
    private static final Instant ONBOARDED_AT = Instant.parse("2026-12-01T09:00:00Z");
    private static final Certification ISO_9001 = new Certification("ISO 9001", "CQC", LocalDate.parse("2027-03-31"));

    private final SetClock clock = new SetClock(ONBOARDED_AT);
    private AggregateTestFixture<SupplierRelationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupplierRelationship.class);
        FactDates facts = new FactDates(clock, 1);
        fixture.registerInjectableResource(facts);
        fixture.registerInjectableResource(new Reminders(ReminderPolicy.DEFAULT, facts));
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            clock.set(fixture.currentTime());
            return chain.proceed();
        });
    }

    @Test
    void onboarding_schedules_the_expiring_and_expired_reminders() {
        List<PlannedReminder> planned = ReminderPolicy.DEFAULT.forCertification("ISO 9001", ISO_9001.validUntil());
        at(ONBOARDED_AT)
                .when(onboard(ISO_9001))
                .expectScheduledDeadline(Instant.parse("2027-01-30T00:00:00Z"), planned.get(0))
                .expectScheduledDeadline(Instant.parse("2027-04-01T00:00:00Z"), planned.get(1));
    }

    @Test
    void the_system_says_60_days_ahead_that_a_certification_is_expiring_and_the_day_after_that_it_has_expired() {
        at(ONBOARDED_AT)
                .andGivenCommands(onboard(ISO_9001))
                .whenTimeAdvancesTo(Instant.parse("2027-04-02T00:00:00Z"))
                .expectEvents(new SupplierCertificationExpiringEvent(SUPPLIER, "ISO 9001", ISO_9001.validUntil(), 60),
                        new SupplierCertificationExpiredEvent(SUPPLIER, "ISO 9001", ISO_9001.validUntil()));
    }

    @Test
    void a_certification_already_expired_at_onboarding_and_one_without_an_end_get_no_reminders() {
        at(ONBOARDED_AT)
                .when(onboard(new Certification("ISO 14001", "CQC", LocalDate.parse("2026-11-30")),
                        new Certification("CE", null, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_certification_expiring_within_60_days_of_onboarding_is_only_announced_when_expired() {
        at(ONBOARDED_AT)
                .andGivenCommands(onboard(new Certification("ISO 9001", "CQC", LocalDate.parse("2026-12-31"))))
                .whenTimeAdvancesTo(Instant.parse("2027-01-02T00:00:00Z"))
                .expectEvents(new SupplierCertificationExpiredEvent(SUPPLIER, "ISO 9001", LocalDate.parse("2026-12-31")));
    }

    @Test
    void a_terminated_relationship_is_reminded_of_nothing() {
        at(ONBOARDED_AT)
                .andGivenCommands(onboard(ISO_9001), new TerminateSupplierRelationshipCommand(SUPPLIER, "plant closed", null))
                .whenTimeAdvancesTo(Instant.parse("2027-04-02T00:00:00Z"))
                .expectNoEvents();
    }

    private TestExecutor<SupplierRelationship> at(Instant now) {
        clock.set(now);
        return fixture.givenCurrentTime(now);
    }

    private static OnboardSupplierCommand onboard(Certification... certifications) {
        return new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", null, null, null, null,
                List.of("fasteners"), null, null, List.of(certifications), List.of(), null);
    }
}
