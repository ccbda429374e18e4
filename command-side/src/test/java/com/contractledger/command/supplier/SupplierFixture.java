package com.contractledger.command.supplier;

import com.contractledger.api.supplier.AssessSupplierCreditCommand;
import com.contractledger.api.supplier.Capabilities;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.CommunicationChannel;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.EvaluateSupplierPerformanceCommand;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.LogSupplierCommunicationCommand;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.shared.SetClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The supplier relationship's test fixture: the supplier sup-001, a clock set to the tests' today, and builders. */
abstract class SupplierFixture {

    static final SupplierId SUPPLIER = SupplierId.of("sup-001");
    static final LocalDate Q3_START = LocalDate.parse("2026-07-01");
    static final LocalDate Q3_END = LocalDate.parse("2026-09-30");
    static final Instant MEETING_TIME = Instant.parse("2026-11-20T09:00:00Z");

    /** The day the tests run on: the facts above happened before it. */
    static final Instant TODAY = Instant.parse("2026-11-30T12:00:00Z");

    final SetClock clock = new SetClock(TODAY);
    AggregateTestFixture<SupplierRelationship> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SupplierRelationship.class);
        fixture.registerInjectableResource(new FactDates(clock, 1));
        fixture.registerInjectableResource(new Reminders(ReminderPolicy.DEFAULT, new FactDates(clock, 1)));
    }


    static OnboardSupplierCommand onboardCommand(SupplierTier tier) {
        return new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", List.of("fasteners"), SupplierScale.MEDIUM, capabilities(),
                certifications(), contacts(), tier);
    }

    static OnboardSupplierCommand onboardCommand(List<Certification> certifications, List<Contact> contacts,
                                                         List<String> categories) {
        return new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", categories, SupplierScale.MEDIUM, capabilities(),
                certifications, contacts, SupplierTier.GENERAL);
    }

    static SupplierOnboardedEvent onboarded(SupplierTier tier) {
        return new SupplierOnboardedEvent(SUPPLIER, "Huadong Precision Parts Co., Ltd.", "91310000MA1FL0001X",
                "Shanghai", "Wang Li", "East China", List.of("fasteners"), SupplierScale.MEDIUM, capabilities(),
                certifications(), contacts(), tier);
    }

    static Capabilities capabilities() {
        return new Capabilities("200000 pcs", null, "ISO 9001");
    }

    static List<Certification> certifications() {
        return List.of(new Certification("ISO 9001", "SGS", LocalDate.parse("2027-06-30")));
    }

    static List<Contact> contacts() {
        return List.of(new Contact("Chen Jing", "Sales", "chen@example.com", "+86-21-5555-0100"));
    }

    static AssessSupplierCreditCommand creditCommand(CreditRating rating, int score) {
        return creditCommand(rating, score, LocalDate.parse("2026-11-01"));
    }

    static AssessSupplierCreditCommand creditCommand(CreditRating rating, int score, LocalDate assessedOn) {
        return new AssessSupplierCreditCommand(SUPPLIER, rating, score, FactorAssessment.WEAK, FactorAssessment.FAIR,
                FactorAssessment.GOOD, CreditSource.AGENCY, assessedOn, null);
    }

    static SupplierCreditAssessedEvent creditAssessed(CreditRating rating, int score, boolean stricterTerms) {
        return new SupplierCreditAssessedEvent(SUPPLIER, rating, score, FactorAssessment.WEAK, FactorAssessment.FAIR,
                FactorAssessment.GOOD, CreditSource.AGENCY, LocalDate.parse("2026-11-01"), stricterTerms);
    }

    static EvaluateSupplierPerformanceCommand evaluationCommand(String evaluationId, LocalDate start,
                                                                        LocalDate end) {
        return new EvaluateSupplierPerformanceCommand(SUPPLIER, evaluationId, start, end, new BigDecimal("0.92"),
                new BigDecimal("0.97"), new BigDecimal("6"), 88, PerformanceGrade.B, "steady", null);
    }

    static SupplierPerformanceEvaluatedEvent evaluated(String evaluationId, LocalDate start, LocalDate end) {
        return new SupplierPerformanceEvaluatedEvent(SUPPLIER, evaluationId, start, end, new BigDecimal("0.92"),
                new BigDecimal("0.97"), new BigDecimal("6"), 88, PerformanceGrade.B, "steady");
    }

    static RectificationRequestedEvent rectificationRequested(String rectificationId) {
        return new RectificationRequestedEvent(SUPPLIER, rectificationId, "late shipments",
                LocalDate.parse("2026-12-31"), LocalDate.parse("2026-11-20"));
    }

    static SupplierSuspendedEvent suspended() {
        return new SupplierSuspendedEvent(SUPPLIER, "failed rectification r-1");
    }

    static LogSupplierCommunicationCommand communicationCommand(String communicationId) {
        return new LogSupplierCommunicationCommand(SUPPLIER, communicationId, CommunicationChannel.MEETING,
                List.of("Chen Jing"), "agreed a recovery plan", MEETING_TIME, null);
    }

    static SupplierCommunicationLoggedEvent communicationLogged(String communicationId) {
        return new SupplierCommunicationLoggedEvent(SUPPLIER, communicationId, CommunicationChannel.MEETING,
                List.of("Chen Jing"), "agreed a recovery plan", MEETING_TIME);
    }

    static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }
}
