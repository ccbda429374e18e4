package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AmendContractCommand;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.LineItemChange;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.Rule;
import com.contractledger.shared.SetClock;
import com.contractledger.command.supplier.SupplierDirectory;
import com.contractledger.command.supplier.SupplierStanding;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The contract's test fixture: the walkthrough's contract (docs/walkthrough.md) with its request bodies, a supplier
 * directory, and the date rules on a clock that deadlines move to their own time. Scenario tests extend it.
 */
abstract class ContractFixture {

    static final ContractId CONTRACT = ContractId.of("ct-2026-001");
    static final SupplierId SUPPLIER = SupplierId.of("sup-001");
    static final Currency CNY = Currency.getInstance("CNY");
    /** The day the walkthrough's contract is drafted and signed. */
    static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    /** A day after every fact these tests record: the clock's "today" unless a test moves it. */
    static final Instant AFTER_THE_FACTS = Instant.parse("2027-03-01T09:00:00Z");
    static final ObjectMapper JSON = LedgerJson.objectMapper();

    // The request bodies of the walkthrough (docs/walkthrough.md), as clients send them.
    static final String WALKTHROUGH_DRAFT_BODY = """
            {"contractId": "ct-2026-001", "supplierId": "sup-001", "title": "M8 bolts 2026",
             "type": "GOODS", "currency": "CNY",
             "lineItems": [{"sku": "M8-30", "description": "M8x30 bolt", "quantity": 10000, "unit": "pcs", "unitPrice": "0.85"}],
             "deliveries": [{"milestoneId": "d1", "dueOn": "2026-12-15", "lines": [{"sku": "M8-30", "quantity": 10000}]}],
             "paymentTerms": {"netDays": 30, "schedule": [{"milestoneId": "p1", "dueOn": "2027-01-15", "amount": "8500.00"}]},
             "qualityStandards": ["GB/T 5783-2016"],
             "penaltyClause": {"lateDeliveryRatePerDay": "0.005", "cap": "0.10"},
             "guarantee": {"type": "PERFORMANCE_BOND", "amount": "850.00"},
             "effectiveFrom": "2026-12-01", "expiresOn": "2027-11-30"}
            """;
    static final String WALKTHROUGH_AMENDMENT_CHANGES = """
            {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}
            """;
    static final String WALKTHROUGH_DELIVERY_LINES = """
            [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}]
            """;
    static final String WALKTHROUGH_RENEWAL_CHANGES = """
            {"lineItems": [{"sku": "M8-30", "quantity": 15000}]}
            """;

    final Map<SupplierId, SupplierStanding> standings = new HashMap<>();
    final SetClock clock = new SetClock(AFTER_THE_FACTS);
    AggregateTestFixture<Contract> fixture;

    @BeforeEach
    void setUp() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.A, SupplierTier.KEY));
        SupplierDirectory directory = supplierId -> Optional.ofNullable(standings.get(supplierId));
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new FactDates(clock, 1));
        fixture.registerInjectableResource(new Reminders(ReminderPolicy.DEFAULT, new FactDates(clock, 1)));
        // a deadline is handled at its own time, as in a running system
        fixture.registerDeadlineHandlerInterceptor((unitOfWork, chain) -> {
            clock.set(fixture.currentTime());
            return chain.proceed();
        });
    }

    static PlannedReminder milestoneReminder(String milestoneId, String dueOn, int daysBefore) {
        return ReminderPolicy.DEFAULT.forMilestone(milestoneId, date(dueOn)).stream()
                .filter(reminder -> reminder.daysBefore() == daysBefore).findFirst().orElseThrow();
    }

    /** Starts the test at {@code now}: the fixture's time (deadlines) and the clock's (the date rules) agree. */
    TestExecutor<Contract> at(Instant now) {
        clock.set(now);
        return fixture.givenCurrentTime(now);
    }

    /** Moves the clock of the date rules, between given commands; the fixture's time stays. */
    void today(String date) {
        clock.set(Instant.parse(date + "T09:00:00Z"));
    }


    static void refused(ResultValidator<Contract> result, Rule rule, String detailFragment) {
        Refusals.refused(result, rule, detailFragment);
    }

    static Matcher<List<? super EventMessage<?>>> singlePayload(
            Predicate<Object> check) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<? super EventMessage<?>> events) {
                return events.size() == 1
                        && check.test(((EventMessage<?>) events.get(0)).getPayload());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("exactly one event whose payload satisfies the check");
            }
        };
    }

    static SupplierStanding standing(SupplierStatus status, CreditRating rating, SupplierTier tier) {
        return new SupplierStanding(SUPPLIER, status, rating, tier);
    }

    static <T> T json(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    // terms

    static ContractTerms designTerms() {
        return json(WALKTHROUGH_DRAFT_BODY, ContractTerms.class);
    }

    static ContractTerms termsAt090() {
        return withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("10000"), "pcs", dec("0.90")));
    }

    static LineItem designLine() {
        return designTerms().lineItems().get(0);
    }

    static ContractTerms withLineItems(ContractTerms t, LineItem... lines) {
        return new ContractTerms(t.title(), List.of(lines), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    static ContractTerms withDeliveries(ContractTerms t, DeliveryMilestone... milestones) {
        return new ContractTerms(t.title(), t.lineItems(), List.of(milestones), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    static ContractTerms withSchedule(ContractTerms t, PaymentInstalment... instalments) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), new PaymentTerms(30, List.of(instalments)),
                t.qualityStandards(), t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    static ContractTerms withPenalty(ContractTerms t, PenaltyClause clause) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                clause, t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    static ContractTerms withGuarantee(ContractTerms t, Guarantee guarantee) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), guarantee, t.effectiveFrom(), t.expiresOn());
    }

    static ContractTerms withDates(ContractTerms t, LocalDate effectiveFrom, LocalDate expiresOn) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), effectiveFrom, expiresOn);
    }

    // commands

    static DraftContractCommand draft(ContractTerms terms) {
        return new DraftContractCommand(CONTRACT, SUPPLIER, ContractType.GOODS, CNY, terms);
    }

    static SignContractCommand sign() {
        return new SignContractCommand(CONTRACT, List.of("Wang Li", "Zhao Min"), date("2026-11-25"), null);
    }

    static AmendContractCommand amendPrice() {
        return new AmendContractCommand(CONTRACT, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                json(WALKTHROUGH_AMENDMENT_CHANGES, ContractChanges.class), null);
    }

    static AmendContractCommand amend(ContractChanges changes) {
        return new AmendContractCommand(CONTRACT, AmendmentReason.OTHER, "test", changes, null);
    }

    static ContractChanges lineChange(LineItemChange change) {
        return new ContractChanges(null, List.of(change), null, null, null, null, null, null, null);
    }

    static RecordDeliveryCommand designDelivery() {
        return new RecordDeliveryCommand(CONTRACT, "dl-1", "d1", date("2026-12-18"), designDeliveryLines(),
                "200 pcs thread defects", "Li Wei", null);
    }

    static List<DeliveredLine> designDeliveryLines() {
        return List.of(json(WALKTHROUGH_DELIVERY_LINES, DeliveredLine[].class));
    }

    static RecordDeliveryCommand delivery(String deliveryId, String milestoneId, String deliveredOn, DeliveredLine... lines) {
        return new RecordDeliveryCommand(CONTRACT, deliveryId, milestoneId, date(deliveredOn), List.of(lines), null, null, null);
    }

    static DeliveredLine line(String sku, String delivered, String accepted, String rejected) {
        return new DeliveredLine(sku, dec(delivered), dec(accepted), dec(rejected));
    }

    static RecordPaymentCommand payment(String paymentId, String amount, String currency) {
        return new RecordPaymentCommand(CONTRACT, paymentId, Money.of(amount, currency), date("2027-01-10"), null, null);
    }

    static RecordBreachCommand designBreach() {
        return new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                "d1 three days late", "dl-1", date("2026-12-18"), null);
    }

    static RecordBreachCommand lateBreach(String breachId, String deliveryId) {
        return new RecordBreachCommand(CONTRACT, breachId, BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                "late", deliveryId, date("2026-12-20"), null);
    }

    static OpenDisputeCommand openDispute(String disputeId, String breachId, Money claim) {
        return new OpenDisputeCommand(CONTRACT, disputeId, breachId, DisputeCategory.COMPLETION_DATE, claim,
                "penalty contested", null);
    }

    // events

    static ContractDraftedEvent drafted(ContractTerms terms) {
        return new ContractDraftedEvent(CONTRACT, SUPPLIER, ContractType.GOODS, CNY, terms);
    }

    static ContractSignedEvent signed() {
        return new ContractSignedEvent(CONTRACT, List.of("Wang Li", "Zhao Min"), date("2026-11-25"));
    }

    static ContractAmendedEvent amendedPrice() {
        return new ContractAmendedEvent(CONTRACT, 1, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                List.of(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90")), termsAt090(), List.of());
    }

    static ContractDeliveredEvent designDelivered() {
        return new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-18"), designDeliveryLines(),
                "200 pcs thread defects", "Li Wei", true, 3, Money.of("5400.00", "CNY"), false);
    }

    /** A delivery against d1 whose goods were all accepted. */
    static ContractDeliveredEvent delivered(String deliveryId, String deliveredOn, String quantity, String value, boolean late) {
        int daysLate = late ? (int) ChronoUnit.DAYS.between(date("2026-12-15"), date(deliveredOn)) : 0;
        return new ContractDeliveredEvent(CONTRACT, deliveryId, "d1", date(deliveredOn),
                List.of(line("M8-30", quantity, quantity, "0")), null, null, late, daysLate, Money.of(value, "CNY"), false);
    }

    static ContractPaymentRecordedEvent paid(String paymentId, String amount, String totalPaid,
                                                     String... coveredInstalments) {
        return new ContractPaymentRecordedEvent(CONTRACT, paymentId, Money.of(amount, "CNY"), date("2027-01-10"), null,
                Money.of(totalPaid, "CNY"), List.of(coveredInstalments));
    }

    static ContractBreachedEvent breached(String breachId, String deliveryId, String penalty, String calculation) {
        return new ContractBreachedEvent(CONTRACT, breachId, BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER, "late",
                deliveryId, date("2026-12-20"), Money.of(penalty, "CNY"), calculation);
    }

    static ContractBreachedEvent breachedEvent(String breachId, String deliveryId, String penalty) {
        return breached(breachId, deliveryId, penalty, "given");
    }

    static DisputeOpenedEvent disputeOpened(String disputeId) {
        return new DisputeOpenedEvent(CONTRACT, disputeId, null, DisputeCategory.QUANTITY, null, "short", SupplierTier.KEY,
                DisputeStage.NEGOTIATION, DisputeStage.NEGOTIATION);
    }

    static DisputeEscalatedEvent escalated(String disputeId, DisputeStage from, DisputeStage to) {
        return new DisputeEscalatedEvent(CONTRACT, disputeId, from, to, "no agreement");
    }

    static DisputeResolvedEvent resolved(String disputeId) {
        return new DisputeResolvedEvent(CONTRACT, disputeId, DisputeOutcome.WITHDRAWN, null, "dropped", DisputeStage.NEGOTIATION);
    }

    static ContractTerminatedEvent terminated() {
        return new ContractTerminatedEvent(CONTRACT, "supplier exit", date("2027-03-01"));
    }

    static ContractRenewedEvent renewed(int number) {
        ContractTerms terms = withDates(designTerms(), date("2026-12-01"), date("2028-11-30"));
        return new ContractRenewedEvent(CONTRACT, number, date("2027-11-30"), date("2028-11-30"),
                List.of(new FieldChange("expiresOn", "2027-11-30", "2028-11-30")), terms, List.of());
    }
}
