package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AddDisputeNoteCommand;
import com.contractledger.api.contract.AmendContractCommand;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
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
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.contract.EscalateDisputeCommand;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.GuaranteeType;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.LineItemChange;
import com.contractledger.api.contract.MilestoneChange;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.contract.ResolveDisputeCommand;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.Rule;
import com.contractledger.shared.SetClock;
import com.contractledger.command.common.UnknownReferenceException;
import com.contractledger.command.supplier.SupplierDirectory;
import com.contractledger.command.supplier.SupplierStanding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static com.contractledger.command.contract.ContractRule.AMENDMENT_CHANGES_NOTHING;
import static com.contractledger.command.contract.ContractRule.CHANGE_REPEATED;
import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.CONTRACT_NOT_ACTIVE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_EXCEEDS_REMAINING;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_NOT_DUE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_REPEATED;
import static com.contractledger.command.contract.ContractRule.DELIVERY_UNBALANCED;
import static com.contractledger.command.contract.ContractRule.DISPUTE_ESCALATES_FORWARD_ONLY;
import static com.contractledger.command.contract.ContractRule.DISPUTE_RESOLVED;
import static com.contractledger.command.contract.ContractRule.EXPIRY_NOT_AFTER_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_NOT_LATE;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_REPEATED;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_GUARANTEE;
import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_PREPAYMENT;
import static com.contractledger.command.contract.ContractRule.MILESTONES_EXCEED_LINE;
import static com.contractledger.command.contract.ContractRule.MILESTONE_SKU_UNKNOWN;
import static com.contractledger.command.contract.ContractRule.MONEY_IN_CONTRACT_CURRENCY;
import static com.contractledger.command.contract.ContractRule.NEW_ENTRY_INCOMPLETE;
import static com.contractledger.command.contract.ContractRule.PAYMENT_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.PAYMENT_NOT_POSITIVE;
import static com.contractledger.command.contract.ContractRule.REFERENCE_NOT_IN_CONTRACT;
import static com.contractledger.command.contract.ContractRule.RENEWAL_EXPIRY_IN_CHANGES;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NEEDS_ACTIVE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOTICE_BEFORE_EFFECTIVE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOT_LATER;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_ACCEPTED;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_PAID;
import static com.contractledger.command.contract.ContractRule.SCHEDULE_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.SETTLEMENT_FITS_OUTCOME;
import static com.contractledger.command.contract.ContractRule.SIGNING_NEEDS_DRAFT;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ONBOARDED;
import static com.contractledger.command.contract.ContractRule.TERMS_FIGURES_IN_RANGE;
import static com.contractledger.command.contract.ContractRule.TERMS_IDS_UNIQUE;
import static com.contractledger.command.contract.ContractRule.TERMS_INCOMPLETE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

@Tag(Refusals.TAG)
class ContractTest {

    private static final ContractId CONTRACT = ContractId.of("ct-2026-001");
    private static final SupplierId SUPPLIER = SupplierId.of("sup-001");
    private static final Currency CNY = Currency.getInstance("CNY");
    /** The day the walkthrough's contract is drafted and signed. */
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    /** A day after every fact these tests record: the clock's "today" unless a test moves it. */
    private static final Instant AFTER_THE_FACTS = Instant.parse("2027-03-01T09:00:00Z");
    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    // The request bodies of the walkthrough (docs/walkthrough.md), as clients send them.
    private static final String WALKTHROUGH_DRAFT_BODY = """
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
    private static final String WALKTHROUGH_AMENDMENT_CHANGES = """
            {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}
            """;
    private static final String WALKTHROUGH_DELIVERY_LINES = """
            [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}]
            """;
    private static final String WALKTHROUGH_RENEWAL_CHANGES = """
            {"lineItems": [{"sku": "M8-30", "quantity": 15000}]}
            """;

    private final Map<SupplierId, SupplierStanding> standings = new HashMap<>();
    private final SetClock clock = new SetClock(AFTER_THE_FACTS);
    private AggregateTestFixture<Contract> fixture;

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

    private static PlannedReminder milestoneReminder(String milestoneId, String dueOn, int daysBefore) {
        return ReminderPolicy.DEFAULT.forMilestone(milestoneId, date(dueOn)).stream()
                .filter(reminder -> reminder.daysBefore() == daysBefore).findFirst().orElseThrow();
    }

    /** Starts the test at {@code now}: the fixture's time (deadlines) and the clock's (the date rules) agree. */
    private TestExecutor<Contract> at(Instant now) {
        clock.set(now);
        return fixture.givenCurrentTime(now);
    }

    /** Moves the clock of the date rules, between given commands; the fixture's time stays. */
    private void today(String date) {
        clock.set(Instant.parse(date + "T09:00:00Z"));
    }

    // ---- the walkthrough's scenario -------------------------------------------------------------------------------

    @Test
    void drafting_with_the_design_body_records_the_terms_and_schedules_expiry() {
        at(NOW)
                .when(draft(designTerms()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(drafted(designTerms()))
                .expectScheduledDeadline(Instant.parse("2027-12-01T00:00:00Z"), new ExpiryDue(date("2027-11-30")))
                .expectScheduledDeadlineWithName(Instant.parse("2027-12-01T00:00:00Z"), "contract-expiry");
    }

    @Test
    void signing_activates_and_schedules_one_overdue_deadline_per_delivery_and_payment_milestone() {
        at(NOW)
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed())
                .expectScheduledDeadline(Instant.parse("2026-12-16T00:00:00Z"), new MilestoneDue("d1", date("2026-12-15")))
                .expectScheduledDeadline(Instant.parse("2027-01-16T00:00:00Z"), new MilestoneDue("p1", date("2027-01-15")))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-16T00:00:00Z"), "milestone-overdue");
    }

    @Test
    void the_price_adjustment_records_exactly_the_unit_price_change() {
        fixture.given(drafted(designTerms()), signed())
                .when(amendPrice())
                .expectEvents(new ContractAmendedEvent(CONTRACT, 1, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                        List.of(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90")), termsAt090(), List.of()));
    }

    @Test
    void the_late_delivery_is_three_days_late_and_worth_5400_CNY() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice())
                .when(designDelivery())
                .expectEvents(designDelivered());
    }

    @Test
    void the_late_delivery_breach_owes_81_CNY() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(designBreach())
                .expectEvents(new ContractBreachedEvent(CONTRACT, "br-1", BreachType.LATE_DELIVERY,
                        ResponsibleParty.SUPPLIER, "d1 three days late", "dl-1", date("2026-12-18"),
                        Money.of("81.00", "CNY"), "0.005 × 3 days × 5400.00 CNY = 81.00 CNY"));
    }

    @Test
    void the_whole_scenario_runs_end_to_end_from_commands() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2026-12-18");
        signed.andGivenCommands(amendPrice(), designDelivery())
                .when(designBreach())
                .expectEventsMatching(singlePayload(event -> event instanceof ContractBreachedEvent breach
                        && breach.penalty().equals(Money.of("81.00", "CNY"))
                        && breach.penaltyCalculation().equals("0.005 × 3 days × 5400.00 CNY = 81.00 CNY")));
    }

    // ---- drafting ------------------------------------------------------------------------------------------------

    @Test
    void drafting_with_an_unknown_supplier_is_refused() {
        refused(fixture.givenNoPriorActivity()
                        .when(new DraftContractCommand(CONTRACT, SupplierId.of("sup-404"), ContractType.GOODS, CNY, designTerms())), SUPPLIER_NOT_ONBOARDED,
                "supplier sup-404 is not onboarded");
    }

    @Test
    void drafting_with_a_suspended_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.givenNoPriorActivity().when(draft(designTerms())), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED");
    }

    @Test
    void drafting_with_a_terminated_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.TERMINATED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.givenNoPriorActivity().when(draft(designTerms())), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is TERMINATED");
    }

    @Test
    void drafting_without_payment_terms_is_refused() {
        ContractTerms t = designTerms();
        ContractTerms unpaid = new ContractTerms(t.title(), t.lineItems(), t.deliveries(), null, t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
        refused(fixture.givenNoPriorActivity().when(draft(unpaid)), TERMS_INCOMPLETE, "payment terms are required");
    }

    @Test
    void a_sku_appearing_twice_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), designLine(), designLine());
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "line item sku M8-30 appears more than once");
    }

    @Test
    void a_zero_quantity_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("0"), "pcs", dec("0.85")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "M8-30: quantity must be greater than 0");
    }

    @Test
    void a_negative_unit_price_is_refused() {
        ContractTerms terms = withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("10000"), "pcs", dec("-0.01")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "M8-30: unit price must be 0 or more (is -0.01)");
    }

    @Test
    void milestones_scheduling_more_than_the_line_quantity_are_refused() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))),
                new DeliveryMilestone("d2", date("2027-01-05"), List.of(new MilestoneLine("M8-30", dec("5000")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), MILESTONES_EXCEED_LINE,
                "line item M8-30: delivery milestones schedule 11000 but the line has only 10000");
    }

    @Test
    void quantity_not_yet_scheduled_on_a_milestone_may_be_called_off_later() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))));
        fixture.givenNoPriorActivity().when(draft(terms))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(singlePayload(event -> event instanceof ContractDraftedEvent drafted
                        && drafted.terms().equals(terms)));
    }

    @Test
    void a_contract_with_unscheduled_quantity_is_not_completed_when_its_milestones_are_met_and_paid() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("6000")))));
        fixture.given(drafted(terms), signed(), paid("pay-1", "8500.00", "8500.00", "p1"))
                .when(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "6000", "6000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-14"),
                        List.of(line("M8-30", "6000", "6000", "0")), null, null, false, 0, Money.of("5100.00", "CNY"), true));
    }

    @Test
    void a_milestone_naming_an_unknown_sku_is_refused() {
        ContractTerms terms = withDeliveries(designTerms(), new DeliveryMilestone("d1", date("2026-12-15"),
                List.of(new MilestoneLine("M8-30", dec("10000")), new MilestoneLine("M9-99", dec("5")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), MILESTONE_SKU_UNKNOWN,
                "names sku M9-99, which is not a line item");
    }

    @Test
    void a_milestone_id_appearing_twice_is_refused() {
        ContractTerms terms = withDeliveries(designTerms(),
                new DeliveryMilestone("d1", date("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("5000")))),
                new DeliveryMilestone("d1", date("2026-12-20"), List.of(new MilestoneLine("M8-30", dec("5000")))));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "delivery milestone d1 appears more than once");
    }

    @Test
    void a_payment_instalment_sharing_an_id_with_a_delivery_milestone_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("d1", date("2027-01-15"), dec("8500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "payment instalment d1 has the same id as a delivery milestone");
    }

    @Test
    void a_payment_instalment_id_appearing_twice_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1", date("2027-02-15"), dec("4500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_IDS_UNIQUE,
                "payment instalment p1 appears more than once");
    }

    @Test
    void a_payment_instalment_of_zero_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("0.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "payment instalment p1: amount must be greater than 0");
    }

    @Test
    void a_payment_schedule_above_the_contract_value_is_refused() {
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p1", date("2027-01-15"), dec("9000.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), SCHEDULE_EXCEEDS_VALUE,
                "payment schedule totals 9000.00 CNY, more than the contract value 8500.00 CNY");
    }

    @Test
    void an_expiry_not_after_the_effective_date_is_refused() {
        ContractTerms terms = withDates(designTerms(), date("2026-12-01"), date("2026-12-01"));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), EXPIRY_NOT_AFTER_EFFECTIVE,
                "expiresOn 2026-12-01 must be after effectiveFrom 2026-12-01");
    }

    @Test
    void a_renewal_notice_starting_before_the_contract_takes_effect_is_refused() {
        ContractTerms t = designTerms();
        ContractTerms longNotice = new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(),
                t.qualityStandards(), t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn(), 400);
        refused(fixture.givenNoPriorActivity().when(draft(longNotice)), RENEWAL_NOTICE_BEFORE_EFFECTIVE,
                "a renewal notice of 400 days before 2027-11-30 starts before the contract takes effect on 2026-12-01");
    }

    @Test
    void a_penalty_cap_above_one_is_refused() {
        ContractTerms terms = withPenalty(designTerms(), new PenaltyClause(dec("0.005"), dec("1.5")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "cap must be between 0 and 1 (is 1.5)");
    }

    @Test
    void a_penalty_rate_below_zero_is_refused() {
        ContractTerms terms = withPenalty(designTerms(), new PenaltyClause(dec("-0.001"), dec("0.10")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "late delivery rate per day must be between 0 and 1");
    }

    @Test
    void a_negative_guarantee_is_refused() {
        ContractTerms terms = withGuarantee(designTerms(), new Guarantee(GuaranteeType.BANK_GUARANTEE, dec("-1")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), TERMS_FIGURES_IN_RANGE,
                "guarantee amount must be 0 or more (is -1)");
    }

    @Test
    void a_low_credit_supplier_without_a_ten_percent_guarantee_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        ContractTerms terms = withGuarantee(designTerms(), new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), LOW_CREDIT_GUARANTEE,
                "supplier sup-001 is rated BB, so stricter terms apply: a guarantee of at least 10% of the contract value "
                        + "8500.00 CNY (required 850.00 CNY, given 500.00 CNY) - not met; and no payment due before the "
                        + "first delivery milestone (first delivery due 2026-12-15, first payment p1 due 2027-01-15) - met");
    }

    @Test
    void a_low_credit_supplier_paid_before_the_first_delivery_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.CCC, SupplierTier.KEY));
        ContractTerms terms = withSchedule(designTerms(), new PaymentInstalment("p0", date("2026-12-01"), dec("1000.00")),
                new PaymentInstalment("p1", date("2027-01-15"), dec("7500.00")));
        refused(fixture.givenNoPriorActivity().when(draft(terms)), LOW_CREDIT_PREPAYMENT,
                "(first delivery due 2026-12-15, first payment p0 due 2026-12-01) - not met");
    }

    @Test
    void a_low_credit_supplier_on_stricter_terms_can_be_contracted() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        fixture.givenNoPriorActivity()
                .when(draft(designTerms()))
                .expectEvents(drafted(designTerms()));
    }

    // ---- signing -------------------------------------------------------------------------------------------------

    @Test
    void signing_with_a_supplier_suspended_since_drafting_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms())).when(sign()), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED and cannot take contracts");
    }

    @Test
    void signing_after_the_supplier_was_downgraded_rechecks_the_stricter_terms() {
        ContractTerms smallGuarantee = withGuarantee(designTerms(), new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("500.00")));
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.B, SupplierTier.KEY));
        refused(fixture.given(drafted(smallGuarantee)).when(sign()), LOW_CREDIT_GUARANTEE,
                "supplier sup-001 is rated B, so stricter terms apply");
    }

    @Test
    void signing_an_active_contract_again_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(sign()), SIGNING_NEEDS_DRAFT,
                "only a DRAFT contract can be signed; contract ct-2026-001 is ACTIVE");
    }

    // ---- amendments ----------------------------------------------------------------------------------------------

    @Test
    void an_amendment_that_changes_nothing_is_refused() {
        ContractChanges samePrice = lineChange(new LineItemChange("M8-30", null, null, null, dec("0.850")));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(samePrice)), AMENDMENT_CHANGES_NOTHING,
                "amendment changes nothing");
    }

    @Test
    void an_amendment_changing_a_line_twice_is_refused() {
        ContractChanges twice = new ContractChanges(null, List.of(new LineItemChange("M8-30", null, null, null, dec("0.90")),
                new LineItemChange("M8-30", null, dec("12000"), null, null)), null, null, null, null, null, null, null);
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(twice)), CHANGE_REPEATED,
                "line item M8-30 is changed more than once");
    }

    @Test
    void an_amendment_bringing_the_value_below_what_was_paid_is_refused() {
        ContractTerms unscheduled = withSchedule(designTerms());
        ContractChanges cheaper = lineChange(new LineItemChange("M8-30", null, null, null, dec("0.50")));
        refused(fixture.given(drafted(unscheduled), signed(), paid("pay-1", "8000.00", "8000.00")).when(amend(cheaper)),
                REVISION_BELOW_PAID, "the contract value would drop to 5000.00 CNY, below the 8000.00 CNY already paid");
    }

    @Test
    void amendments_are_numbered_in_order() {
        ContractChanges title = new ContractChanges("M8 bolts 2026 (rev)", null, null, null, null, null, null, null, null);
        fixture.given(drafted(designTerms()), signed(), amendedPrice())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.TERMS_CORRECTION, "typo", title, null))
                .expectEventsMatching(singlePayload(event -> {
                    ContractAmendedEvent amended = (ContractAmendedEvent) event;
                    return amended.amendmentNumber() == 2
                            && amended.changes().equals(List.of(new FieldChange("title", "M8 bolts 2026", "M8 bolts 2026 (rev)")))
                            && amended.terms().lineItems().get(0).unitPrice().equals(dec("0.90"));
                }));
    }

    @Test
    void adding_a_line_with_its_milestone_records_both_additions() {
        ContractChanges addition = new ContractChanges(null,
                List.of(new LineItemChange("M10-40", "M10x40 bolt", dec("500"), "pcs", dec("1.20"))),
                List.of(new MilestoneChange("d2", date("2027-02-01"), List.of(new MilestoneLine("M10-40", dec("500"))))),
                null, null, null, null, null, null);
        at(NOW).andGiven(drafted(designTerms()), signed())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.SCOPE_CHANGE, "add M10", addition, null))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes().equals(List.of(
                        new FieldChange("lineItems[M10-40]", null, "M10x40 bolt: 500 pcs at 1.20"),
                        new FieldChange("deliveries[d2]", null, "due 2027-02-01: M10-40 500")))));
    }

    @Test
    void a_new_line_without_price_is_refused() {
        ContractChanges addition = lineChange(new LineItemChange("M10-40", "M10x40 bolt", dec("500"), "pcs", null));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(addition)), NEW_ENTRY_INCOMPLETE,
                "new line item M10-40 needs a quantity, a unit and a unit price");
    }

    @Test
    void amended_terms_must_pass_the_drafting_rules() {
        ContractChanges fewer = lineChange(new LineItemChange("M8-30", null, dec("8000"), null, null));
        refused(fixture.given(drafted(designTerms()), signed()).when(amend(fewer)), MILESTONES_EXCEED_LINE,
                "line item M8-30: delivery milestones schedule 10000 but the line has only 8000");
    }

    @Test
    void a_quantity_below_what_was_already_accepted_is_refused() {
        ContractChanges fewer = new ContractChanges(null,
                List.of(new LineItemChange("M8-30", null, dec("5000"), null, null)),
                List.of(new MilestoneChange("d1", null, List.of(new MilestoneLine("M8-30", dec("5000"))))),
                new PaymentTerms(30, List.of(new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")))),
                null, null, null, null, null);
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered()).when(amend(fewer)), REVISION_BELOW_ACCEPTED,
                "line item M8-30: quantity 5000 is below the 5800 already accepted");
    }

    @Test
    void the_low_credit_terms_bind_new_contracts_not_the_amendment_of_a_signed_one() {
        // The stricter terms are mandatory when drafting and signing; the walkthrough's price rise must go through.
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        fixture.given(drafted(designTerms()), signed()).when(amendPrice()).expectEvents(amendedPrice());
    }

    @Test
    void an_amended_draft_meets_the_low_credit_terms_again_at_signing() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.BB, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms()), amendedPrice()).when(sign()), LOW_CREDIT_GUARANTEE,
                "contract value 9000.00 CNY (required 900.00 CNY, given 850.00 CNY) - not met");
    }

    @Test
    void moving_the_expiry_schedules_a_new_expiry_deadline() {
        ContractChanges later = new ContractChanges(null, null, null, null, null, null, null, null, date("2028-03-31"));
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(amend(later))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes()
                        .equals(List.of(new FieldChange("expiresOn", "2027-11-30", "2028-03-31")))))
                .expectScheduledDeadline(Instant.parse("2028-04-01T00:00:00Z"), new ExpiryDue(date("2028-03-31")));
    }

    @Test
    void moving_a_milestone_of_an_active_contract_schedules_its_overdue_deadline() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(new AmendContractCommand(CONTRACT, AmendmentReason.SCHEDULE_CHANGE, "port closed", later, null))
                .expectEventsMatching(singlePayload(event -> ((ContractAmendedEvent) event).changes()
                        .equals(List.of(new FieldChange("deliveries[d1].dueOn", "2026-12-15", "2026-12-31")))))
                .expectScheduledDeadline(Instant.parse("2027-01-01T00:00:00Z"), new MilestoneDue("d1", date("2026-12-31")));
    }

    @Test
    void moving_a_milestone_of_a_draft_moves_its_reminders_and_leaves_the_overdue_deadline_to_the_signing() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()))
                .when(amend(later))
                .expectSuccessfulHandlerExecution()
                .expectScheduledDeadline(Instant.parse("2026-12-24T00:00:00Z"), milestoneReminder("d1", "2026-12-31", 7))
                .expectScheduledDeadline(Instant.parse("2026-12-30T00:00:00Z"), milestoneReminder("d1", "2026-12-31", 1))
                .expectNoScheduledDeadlineWithName(Instant.parse("2027-01-01T00:00:00Z"), "milestone-overdue");
    }

    // ---- deliveries ----------------------------------------------------------------------------------------------

    @Test
    void no_delivery_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(designDelivery()), CONTRACT_NOT_ACTIVE,
                "no delivery before signing: contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_delivery_against_an_unknown_milestone_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d9", "2026-12-10", line("M8-30", "100", "100", "0"))), REFERENCE_NOT_IN_CONTRACT,
                "delivery milestone d9 does not exist");
    }

    @Test
    void accepted_plus_rejected_must_equal_delivered() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M8-30", "6000", "5800", "100"))), DELIVERY_UNBALANCED,
                "accepted 5800 + rejected 100 must equal delivered 6000");
    }

    @Test
    void a_sku_not_due_at_the_milestone_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M9-99", "10", "10", "0"))), DELIVERY_SKU_NOT_DUE,
                "delivery milestone d1 has no line for sku M9-99");
    }

    @Test
    void a_sku_twice_in_one_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2026-12-10", line("M8-30", "10", "10", "0"), line("M8-30", "10", "10", "0"))), DELIVERY_SKU_REPEATED,
                "sku M8-30 appears more than once in the delivery");
    }

    @Test
    void a_delivery_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(delivery("dl-1", "d1", "2026-12-20", line("M8-30", "10", "10", "0"))), CommonRule.ID_ALREADY_RECORDED,
                "delivery dl-1 is already recorded");
    }

    @Test
    void delivering_more_than_remains_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(delivery("dl-2", "d1", "2026-12-20", line("M8-30", "4201", "4201", "0"))), DELIVERY_EXCEEDS_REMAINING,
                "delivered 4201 is more than the 4200 remaining at delivery milestone d1");
    }

    @Test
    void rejected_goods_can_be_replaced_and_meet_the_milestone() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(delivery("dl-2", "d1", "2026-12-20", line("M8-30", "4200", "4200", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-2", "d1", date("2026-12-20"),
                        List.of(line("M8-30", "4200", "4200", "0")), null, null, true, 5, Money.of("3780.00", "CNY"), true));
    }

    @Test
    void an_on_time_delivery_is_not_late() {
        fixture.given(drafted(designTerms()), signed())
                .when(delivery("dl-1", "d1", "2026-12-15", line("M8-30", "1000", "1000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-15"),
                        List.of(line("M8-30", "1000", "1000", "0")), null, null, false, 0, Money.of("850.00", "CNY"), false));
    }

    // ---- payments and completion ---------------------------------------------------------------------------------

    @Test
    void a_payment_carries_the_running_total() {
        fixture.given(drafted(designTerms()), signed(), paid("pay-1", "1000.00", "1000.00"))
                .when(payment("pay-2", "4930.00", "CNY"))
                .expectEvents(paid("pay-2", "4930.00", "5930.00"));
    }

    @Test
    void no_payment_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(payment("pay-1", "100.00", "CNY")), CONTRACT_NOT_ACTIVE,
                "no payment before signing: contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_payment_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "100.00", "USD")), MONEY_IN_CONTRACT_CURRENCY,
                "payment is in USD but the contract is in CNY");
    }

    @Test
    void a_payment_of_zero_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "0.00", "CNY")), PAYMENT_NOT_POSITIVE,
                "payment amount must be greater than 0");
    }

    @Test
    void overpayment_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), paid("pay-1", "8000.00", "8000.00"))
                        .when(payment("pay-2", "500.01", "CNY")), PAYMENT_EXCEEDS_VALUE,
                "overpayment: payment of 500.01 CNY would bring the total paid to 8500.01 CNY, above the contract value 8500.00 CNY");
    }

    @Test
    void a_payment_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), paid("pay-1", "100.00", "100.00"))
                        .when(payment("pay-1", "100.00", "CNY")), CommonRule.ID_ALREADY_RECORDED,
                "payment pay-1 is already recorded");
    }

    @Test
    void the_last_delivery_completes_a_fully_paid_contract() {
        fixture.given(drafted(designTerms()), signed(), paid("pay-1", "8500.00", "8500.00", "p1"))
                .when(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-14"),
                                List.of(line("M8-30", "10000", "10000", "0")), null, null, false, 0, Money.of("8500.00", "CNY"), true),
                        new ContractCompletedEvent(CONTRACT, date("2026-12-14")));
    }

    @Test
    void the_last_scheduled_payment_completes_a_fully_accepted_contract() {
        // After the price rise the value is 9000.00 but the schedule asks only 8500.00.
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(),
                        delivered("dl-2", "2026-12-20", "4200", "3780.00", true))
                .when(new RecordPaymentCommand(CONTRACT, "pay-1", Money.of("8500.00", "CNY"), date("2027-01-10"), "BANK-7781", null))
                .expectEvents(new ContractPaymentRecordedEvent(CONTRACT, "pay-1", Money.of("8500.00", "CNY"), date("2027-01-10"),
                                "BANK-7781", Money.of("8500.00", "CNY"), List.of("p1")),
                        new ContractCompletedEvent(CONTRACT, date("2027-01-10")));
    }

    @Test
    void a_partly_delivered_contract_is_not_completed_by_payment() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(payment("pay-1", "8500.00", "CNY"))
                .expectEvents(paid("pay-1", "8500.00", "8500.00", "p1"));
    }

    @Test
    void a_completed_contract_refuses_every_command() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractCompletedEvent(CONTRACT, date("2027-01-10")))
                        .when(payment("pay-9", "1.00", "CNY")), CONTRACT_CLOSED,
                "contract ct-2026-001 is COMPLETED and accepts no further commands");
    }

    // ---- breaches ------------------------------------------------------------------------------------------------

    @Test
    void the_penalty_is_capped_at_the_cap_share_of_the_contract_value() {
        ContractTerms steep = withPenalty(designTerms(), new PenaltyClause(dec("0.05"), dec("0.01")));
        fixture.given(drafted(steep), signed(), delivered("dl-1", "2026-12-18", "6000", "5100.00", true))
                .when(lateBreach("br-1", "dl-1"))
                .expectEvents(breached("br-1", "dl-1", "85.00",
                        "0.05 × 3 days × 5100.00 CNY = 765.00 CNY, capped at 85.00 CNY "
                                + "(cap 0.01 × contract value 8500.00 CNY = 85.00 CNY, 0.00 CNY already charged)"));
    }

    @Test
    void penalties_together_never_exceed_the_cap() {
        ContractTerms tight = withPenalty(designTerms(), new PenaltyClause(dec("0.005"), dec("0.01")));
        fixture.given(drafted(tight), signed(),
                        delivered("dl-1", "2026-12-18", "6000", "5100.00", true),
                        breachedEvent("br-1", "dl-1", "76.50"),
                        delivered("dl-2", "2026-12-20", "4000", "3400.00", true))
                .when(lateBreach("br-2", "dl-2"))
                .expectEvents(breached("br-2", "dl-2", "8.50",
                        "0.005 × 5 days × 3400.00 CNY = 85.00 CNY, capped at 8.50 CNY "
                                + "(cap 0.01 × contract value 8500.00 CNY = 85.00 CNY, 76.50 CNY already charged)"));
    }

    @Test
    void a_late_delivery_breach_naming_an_on_time_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), delivered("dl-1", "2026-12-15", "1000", "850.00", false))
                        .when(lateBreach("br-1", "dl-1")), LATE_DELIVERY_BREACH_NOT_LATE,
                "delivery dl-1 was not late");
    }

    @Test
    void a_second_late_delivery_penalty_for_the_same_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                        .when(lateBreach("br-2", "dl-1")), LATE_DELIVERY_BREACH_REPEATED,
                "delivery dl-1 already has a LATE_DELIVERY breach (br-1)");
    }

    @Test
    void a_breach_naming_an_unknown_delivery_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(lateBreach("br-1", "dl-9")), REFERENCE_NOT_IN_CONTRACT,
                "delivery dl-9 does not exist");
    }

    @Test
    void a_breach_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.OTHER, ResponsibleParty.BUYER, "x", null, date("2026-12-20"), null)), CommonRule.ID_ALREADY_RECORDED,
                "breach br-1 is already recorded");
    }

    @Test
    void a_quality_breach_carries_no_penalty() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(new RecordBreachCommand(CONTRACT, "br-2", BreachType.QUALITY_NONCONFORMANCE, ResponsibleParty.SUPPLIER,
                        "thread defects", "dl-1", date("2026-12-18"), null))
                .expectEvents(new ContractBreachedEvent(CONTRACT, "br-2", BreachType.QUALITY_NONCONFORMANCE,
                        ResponsibleParty.SUPPLIER, "thread defects", "dl-1", date("2026-12-18"), Money.of("0.00", "CNY"),
                        "the penalty clause covers late delivery by the supplier only: 0.00 CNY"));
    }

    @Test
    void no_breach_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(lateBreach("br-1", null)), CONTRACT_NOT_ACTIVE,
                "no breach before signing: contract ct-2026-001 is DRAFT");
    }

    // ---- disputes ------------------------------------------------------------------------------------------------

    @Test
    void a_dispute_with_a_key_supplier_recommends_negotiation() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                .when(openDispute("dp-1", "br-1", Money.of("76.50", "CNY")))
                .expectEvents(new DisputeOpenedEvent(CONTRACT, "dp-1", "br-1", DisputeCategory.COMPLETION_DATE,
                        Money.of("76.50", "CNY"), "penalty contested", SupplierTier.KEY, DisputeStage.NEGOTIATION,
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void a_dispute_with_a_general_supplier_recommends_arbitration() {
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.A, SupplierTier.GENERAL));
        fixture.given(drafted(designTerms()), signed())
                .when(openDispute("dp-1", null, Money.of("10.00", "CNY")))
                .expectEvents(new DisputeOpenedEvent(CONTRACT, "dp-1", null, DisputeCategory.COMPLETION_DATE,
                        Money.of("10.00", "CNY"), "penalty contested", SupplierTier.GENERAL, DisputeStage.ARBITRATION,
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void a_supplier_missing_from_the_directory_counts_as_general() {
        standings.clear();
        fixture.given(drafted(designTerms()))
                .when(openDispute("dp-1", null, null))
                .expectEventsMatching(singlePayload(event -> ((DisputeOpenedEvent) event).supplierTier() == SupplierTier.GENERAL
                        && ((DisputeOpenedEvent) event).recommendedTrack() == DisputeStage.ARBITRATION));
    }

    @Test
    void a_dispute_naming_an_unknown_breach_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(openDispute("dp-1", "br-9", null)), REFERENCE_NOT_IN_CONTRACT,
                "breach br-9 does not exist");
    }

    @Test
    void a_claim_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(openDispute("dp-1", null, Money.of("10.00", "EUR"))), MONEY_IN_CONTRACT_CURRENCY,
                "claim amount is in EUR but the contract is in CNY");
    }

    @Test
    void a_dispute_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1")).when(openDispute("dp-1", null, null)), CommonRule.ID_ALREADY_RECORDED,
                "dispute dp-1 is already recorded");
    }

    @Test
    void a_dispute_may_skip_stages_when_escalating() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.ARBITRATION, "no agreement", null))
                .expectEvents(new DisputeEscalatedEvent(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, DisputeStage.ARBITRATION,
                        "no agreement"));
    }

    @Test
    void a_dispute_never_escalates_backwards() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), escalated("dp-1", DisputeStage.NEGOTIATION, DisputeStage.MEDIATION))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, "back", null)), DISPUTE_ESCALATES_FORWARD_ONLY,
                "dispute dp-1 is at MEDIATION and can only escalate forward, not to NEGOTIATION");
    }

    @Test
    void escalating_to_the_current_stage_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.NEGOTIATION, "again", null)), DISPUTE_ESCALATES_FORWARD_ONLY,
                "is at NEGOTIATION and can only escalate forward");
    }

    @Test
    void escalating_an_unknown_dispute_is_an_unknown_reference() {
        fixture.given(drafted(designTerms()), signed())
                .when(new EscalateDisputeCommand(CONTRACT, "dp-9", DisputeStage.MEDIATION, "x", null))
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(containsString("dispute dp-9 does not exist"))
                .expectNoEvents();
    }

    @Test
    void escalating_a_resolved_dispute_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new EscalateDisputeCommand(CONTRACT, "dp-1", DisputeStage.MEDIATION, "x", null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_note_with_evidence_is_added() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "inspection report attached", List.of("doc://inspection/dl-1"), null))
                .expectEvents(new DisputeNoteAddedEvent(CONTRACT, "dp-1", "inspection report attached", List.of("doc://inspection/dl-1")));
    }

    @Test
    void a_note_on_an_unknown_dispute_is_an_unknown_reference() {
        fixture.given(drafted(designTerms()), signed())
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-9", "text", List.of(), null))
                .expectException(UnknownReferenceException.class)
                .expectExceptionMessage(containsString("dispute dp-9 does not exist"))
                .expectNoEvents();
    }

    @Test
    void a_note_on_a_resolved_dispute_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "late news", List.of(), null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_settlement_resolves_the_dispute_at_its_stage() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), escalated("dp-1", DisputeStage.NEGOTIATION, DisputeStage.MEDIATION))
                .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.SETTLED, Money.of("40.00", "CNY"), "split", null))
                .expectEvents(new DisputeResolvedEvent(CONTRACT, "dp-1", DisputeOutcome.SETTLED, Money.of("40.00", "CNY"), "split",
                        DisputeStage.MEDIATION));
    }

    @Test
    void a_dispute_is_resolved_at_most_once() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"), resolved("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, null, "again", null)), DISPUTE_RESOLVED,
                "dispute dp-1 is already resolved");
    }

    @Test
    void a_settled_dispute_needs_a_settlement_amount() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.SETTLED, null, "split", null)), SETTLEMENT_FITS_OUTCOME,
                "a SETTLED dispute needs a settlement amount");
    }

    @Test
    void an_award_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.AWARDED, Money.of("40.00", "USD"), "x", null)), MONEY_IN_CONTRACT_CURRENCY,
                "settlement amount is in USD but the contract is in CNY");
    }

    @Test
    void a_withdrawn_dispute_with_a_settlement_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                        .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.WITHDRAWN, Money.of("5.00", "CNY"), "x", null)), SETTLEMENT_FITS_OUTCOME,
                "a WITHDRAWN dispute has no settlement amount (given 5.00 CNY)");
    }

    @Test
    void a_dismissed_dispute_may_state_a_zero_settlement() {
        fixture.given(drafted(designTerms()), signed(), disputeOpened("dp-1"))
                .when(new ResolveDisputeCommand(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, Money.of("0.00", "CNY"), "no case", null))
                .expectEvents(new DisputeResolvedEvent(CONTRACT, "dp-1", DisputeOutcome.DISMISSED, Money.of("0.00", "CNY"), "no case",
                        DisputeStage.NEGOTIATION));
    }

    @Test
    void no_dispute_is_opened_on_a_terminated_contract() {
        refused(fixture.given(drafted(designTerms()), signed(), terminated())
                        .when(openDispute("dp-1", null, null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }

    // ---- dates of facts: none from the future, none before what it depends on ----------------------------------

    @Test
    void a_signing_dated_in_the_future_is_refused() {
        today("2026-11-30");
        refused(fixture.given(drafted(designTerms()))
                        .when(new SignContractCommand(CONTRACT, List.of("Wang Li"), date("2031-05-05"), null)), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the signing date 2031-05-05 is after today, 2026-11-30 (UTC, allowing 1 day for time zones)");
    }

    @Test
    void a_signing_dated_tomorrow_is_within_the_tolerance_for_time_zones() {
        today("2026-11-24");
        fixture.given(drafted(designTerms()))
                .when(sign())
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed());
    }

    @Test
    void a_signing_dated_the_day_after_tomorrow_is_refused() {
        today("2026-11-23");
        refused(fixture.given(drafted(designTerms())).when(sign()), CommonRule.FACT_FROM_FUTURE,
                "the signing date 2026-11-25 is after today, 2026-11-23");
    }

    @Test
    void a_delivery_dated_in_the_future_is_refused() {
        today("2026-12-10");
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice()).when(designDelivery()), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the delivery date 2026-12-18 is after today, 2026-12-10");
    }

    @Test
    void a_delivery_before_the_signing_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2019-01-01", line("M8-30", "100", "100", "0"))), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the delivery date 2019-01-01 is before the signing date 2026-11-25");
    }

    @Test
    void a_delivery_on_the_signing_day_is_accepted() {
        fixture.given(drafted(designTerms()), signed())
                .when(delivery("dl-1", "d1", "2026-11-25", line("M8-30", "100", "100", "0")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_payment_dated_in_the_future_is_refused() {
        today("2027-01-01");
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "1000.00", "CNY")), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the payment date 2027-01-10 is after today, 2027-01-01");
    }

    @Test
    void a_payment_before_the_signing_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(new RecordPaymentCommand(CONTRACT, "pay-1", Money.of("1000.00", "CNY"), date("2026-11-24"), null, null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the payment date 2026-11-24 is before the signing date 2026-11-25");
    }

    @Test
    void a_breach_dated_in_the_future_is_refused() {
        today("2026-12-18");
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                                "d1 three days late", "dl-1", date("2026-12-20"), null)), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the breach date 2026-12-20 is after today, 2026-12-18");
    }

    @Test
    void a_breach_before_the_delivery_it_names_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                        .when(new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                                "d1 three days late", "dl-1", date("2026-12-17"), null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the breach date 2026-12-17 is before the date of delivery dl-1 2026-12-18");
    }

    @Test
    void a_termination_effective_before_the_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2015-03-01"), null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the termination's effective date 2015-03-01 is before the contract's effective date 2026-12-01");
    }

    @Test
    void a_termination_may_take_effect_in_the_future() {
        today("2026-11-30");
        fixture.given(drafted(designTerms()), signed())
                .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2027-03-01"), null))
                .expectEvents(terminated());
    }

    // ---- backfill: a contract recorded after the fact ------------------------------------------------------------

    @Test
    void signing_a_contract_with_a_milestone_already_past_due_reports_it_overdue_at_once_as_backfilled() {
        at(Instant.parse("2026-12-20T09:00:00Z"))
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed(), new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY,
                        date("2026-12-15"), Instant.parse("2026-12-16T00:00:00Z"), true))
                .expectScheduledDeadline(Instant.parse("2027-01-16T00:00:00Z"), new MilestoneDue("p1", date("2027-01-15")))
                .expectNoScheduledDeadline(Instant.parse("2026-12-16T00:00:00Z"), new MilestoneDue("d1", date("2026-12-15")));
    }

    @Test
    void a_backfilled_milestone_is_not_reported_again_when_time_passes() {
        at(Instant.parse("2026-12-20T09:00:00Z"))
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2027-01-01T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void every_milestone_past_due_at_signing_is_backfilled_and_gets_no_deadline() {
        at(Instant.parse("2027-02-01T09:00:00Z"))
                .andGiven(drafted(designTerms()))
                .when(sign())
                .expectEvents(signed(),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                                Instant.parse("2026-12-16T00:00:00Z"), true),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"),
                                Instant.parse("2027-01-16T00:00:00Z"), true))
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_milestone_amended_into_the_past_is_reported_overdue_at_once_as_backfilled() {
        ContractChanges earlier = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-10"), null)), null, null, null, null, null, null);
        at(Instant.parse("2026-12-12T09:00:00Z"))
                .andGiven(drafted(designTerms()), signed())
                .when(amend(earlier))
                .expectEventsMatching(Matchers.exactSequenceOf(
                        Matchers.messageWithPayload(instanceOf(ContractAmendedEvent.class)),
                        Matchers.messageWithPayload(Matchers.equalTo(new ContractMilestoneOverdueEvent(CONTRACT, "d1",
                                MilestoneKind.DELIVERY, date("2026-12-10"), Instant.parse("2026-12-11T00:00:00Z"), true))),
                        Matchers.andNoMore()));
    }

    // ---- deadlines: overdue milestones and expiry ----------------------------------------------------------------

    @Test
    void an_unmet_delivery_milestone_is_overdue_from_the_start_of_the_next_day() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2026-12-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                        Instant.parse("2026-12-16T00:00:00Z"), false));
    }

    @Test
    void a_milestone_is_not_overdue_on_its_due_date() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign())
                .whenTimeAdvancesTo(Instant.parse("2026-12-15T23:59:59Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1));
    }

    @Test
    void a_met_delivery_milestone_is_never_overdue() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2026-12-14");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")))
                .whenTimeAdvancesTo(Instant.parse("2026-12-20T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void an_uncovered_payment_instalment_is_overdue() {
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(designTerms()), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "8000.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-01-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"),
                        Instant.parse("2027-01-16T00:00:00Z"), false));
    }

    @Test
    void payment_instalments_are_covered_in_due_date_order() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")));
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(twoInstalments), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "4000.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-02-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p2", MilestoneKind.PAYMENT, date("2027-02-15"),
                        Instant.parse("2027-02-16T00:00:00Z"), false));
    }

    @Test
    void of_two_instalments_due_the_same_day_a_payment_covers_the_one_with_the_lower_milestone_id_first() {
        ContractTerms sameDay = withSchedule(designTerms(),
                new PaymentInstalment("p1b", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1a", date("2027-01-15"), dec("4500.00")));
        fixture.given(drafted(sameDay), signed())
                .when(payment("pay-1", "4500.00", "CNY"))
                .expectEvents(paid("pay-1", "4500.00", "4500.00", "p1a"));
    }

    @Test
    void of_two_instalments_due_the_same_day_only_the_uncovered_one_goes_overdue() {
        ContractTerms sameDay = withSchedule(designTerms(),
                new PaymentInstalment("p1b", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p1a", date("2027-01-15"), dec("4500.00")));
        TestExecutor<Contract> signed = at(NOW).andGivenCommands(draft(sameDay), sign());
        today("2027-01-10");
        signed.andGivenCommands(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")),
                        payment("pay-1", "4500.00", "CNY"))
                .whenTimeAdvancesTo(Instant.parse("2027-01-16T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "p1b", MilestoneKind.PAYMENT, date("2027-01-15"),
                        Instant.parse("2027-01-16T00:00:00Z"), false));
    }

    @Test
    void an_amendment_carries_the_instalments_the_total_paid_covers_under_the_amended_schedule() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")));
        ContractChanges dearerFirst = new ContractChanges(null, null, null, new PaymentTerms(30, List.of(
                new PaymentInstalment("p1", date("2027-01-15"), dec("4500.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4000.00")))), null, null, null, null, null);
        fixture.given(drafted(twoInstalments), signed(), paid("pay-1", "4000.00", "4000.00", "p1"))
                .when(amend(dearerFirst))
                .expectEventsMatching(singlePayload(event ->
                        ((ContractAmendedEvent) event).coveredInstalments().equals(List.of())));
    }

    @Test
    void a_renewal_carries_the_instalments_the_total_paid_covers_under_the_renewed_schedule() {
        ContractTerms twoInstalments = withSchedule(designTerms(),
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("4500.00")));
        ContractChanges cheaperSecond = new ContractChanges(null, null, null, new PaymentTerms(30, List.of(
                new PaymentInstalment("p1", date("2027-01-15"), dec("4000.00")),
                new PaymentInstalment("p2", date("2027-02-15"), dec("1000.00")))), null, null, null, null, null);
        fixture.given(drafted(twoInstalments), signed(), paid("pay-1", "5000.00", "5000.00", "p1"))
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), cheaperSecond, null))
                .expectEventsMatching(singlePayload(event ->
                        ((ContractRenewedEvent) event).coveredInstalments().equals(List.of("p1", "p2"))));
    }

    @Test
    void a_milestone_is_reported_overdue_only_once_for_its_due_date() {
        // Moving d1 away and back leaves two deadlines for the same due date.
        ContractChanges away = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        ContractChanges back = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-15"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), amend(away), amend(back))
                .whenTimeAdvancesTo(Instant.parse("2026-12-17T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                        Instant.parse("2026-12-16T00:00:00Z"), false));
    }

    @Test
    void a_rescheduled_milestone_ignores_its_stale_deadline_and_keeps_the_new_one() {
        ContractChanges later = new ContractChanges(null, null,
                List.of(new MilestoneChange("d1", date("2026-12-31"), null)), null, null, null, null, null, null);
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), amend(later))
                .whenTimeAdvancesTo(Instant.parse("2026-12-20T00:00:00Z"))
                .expectNoEvents()
                .expectScheduledDeadline(Instant.parse("2027-01-01T00:00:00Z"), new MilestoneDue("d1", date("2026-12-31")));
    }

    @Test
    void a_contract_not_renewed_expires_the_day_after_expiry() {
        at(NOW)
                .andGivenCommands(draft(designTerms()))
                .whenTimeAdvancesTo(Instant.parse("2027-12-01T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1),
                        new ContractExpiredEvent(CONTRACT, date("2027-11-30")));
    }

    @Test
    void an_expiry_moved_by_amendment_ignores_the_old_deadline() {
        ContractChanges later = new ContractChanges(null, null, null, null, null, null, null, null, date("2028-03-31"));
        at(NOW)
                .andGivenCommands(draft(designTerms()), amend(later))
                .whenTimeAdvancesTo(Instant.parse("2027-12-02T00:00:00Z"))
                .expectEvents(new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"), 1), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 7), new ContractMilestoneApproachingEvent(CONTRACT, "p1", MilestoneKind.PAYMENT, date("2027-01-15"), 1))
                .expectScheduledDeadline(Instant.parse("2028-04-01T00:00:00Z"), new ExpiryDue(date("2028-03-31")));
    }

    @Test
    void a_terminated_contract_neither_expires_nor_goes_overdue() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), new TerminateContractCommand(CONTRACT, "supplier exit", date("2026-12-01"), null))
                .whenTimeAdvancesTo(Instant.parse("2027-12-02T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void an_expired_contract_refuses_every_command() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(designDelivery()), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED and accepts no further commands");
    }

    // ---- renewal and termination ---------------------------------------------------------------------------------

    @Test
    void renewing_records_the_new_expiry_and_schedules_it() {
        at(NOW)
                .andGiven(drafted(designTerms()), signed())
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null))
                .expectEvents(new ContractRenewedEvent(CONTRACT, 1, date("2027-11-30"), date("2028-11-30"),
                        List.of(new FieldChange("expiresOn", "2027-11-30", "2028-11-30")),
                        withDates(designTerms(), date("2026-12-01"), date("2028-11-30")), List.of()))
                .expectScheduledDeadline(Instant.parse("2028-12-01T00:00:00Z"), new ExpiryDue(date("2028-11-30")));
    }

    @Test
    void renewing_with_more_volume_diffs_the_changes_and_schedules_the_new_milestone() {
        ContractChanges volume = new ContractChanges(null,
                List.of(new LineItemChange("M8-30", null, dec("15000"), null, null)),
                List.of(new MilestoneChange("d2", date("2028-03-15"), List.of(new MilestoneLine("M8-30", dec("5000"))))),
                null, null, null, null, null, null);
        at(NOW)
                .andGiven(drafted(designTerms()), signed(), renewed(1))
                .when(new RenewContractCommand(CONTRACT, date("2029-11-30"), volume, null))
                .expectEventsMatching(singlePayload(event -> {
                    ContractRenewedEvent renewal = (ContractRenewedEvent) event;
                    return renewal.renewalNumber() == 2 && renewal.changes().equals(List.of(
                            new FieldChange("lineItems[M8-30].quantity", "10000", "15000"),
                            new FieldChange("deliveries[d2]", null, "due 2028-03-15: M8-30 5000"),
                            new FieldChange("expiresOn", "2028-11-30", "2029-11-30")));
                }))
                .expectScheduledDeadline(Instant.parse("2028-03-16T00:00:00Z"), new MilestoneDue("d2", date("2028-03-15")))
                .expectScheduledDeadline(Instant.parse("2029-12-01T00:00:00Z"), new ExpiryDue(date("2029-11-30")));
    }

    @Test
    void the_design_renewal_body_adds_volume_to_be_scheduled_later() {
        fixture.given(drafted(designTerms()), signed())
                .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), json(WALKTHROUGH_RENEWAL_CHANGES, ContractChanges.class), null))
                .expectEventsMatching(singlePayload(event -> event instanceof ContractRenewedEvent renewal
                        && renewal.changes().equals(List.of(
                        new FieldChange("lineItems[M8-30].quantity", "10000", "15000"),
                        new FieldChange("expiresOn", "2027-11-30", "2028-11-30")))));
    }

    @Test
    void renewing_an_expired_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED");
    }

    @Test
    void renewing_a_draft_is_refused() {
        refused(fixture.given(drafted(designTerms())).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), RENEWAL_NEEDS_ACTIVE,
                "only an ACTIVE contract can be renewed; contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_renewal_must_move_the_expiry_later() {
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2027-11-30"), null, null)), RENEWAL_NOT_LATER,
                "the new expiry 2027-11-30 must be after the current expiry 2027-11-30");
    }

    @Test
    void a_renewal_changing_expiry_through_its_changes_is_refused() {
        ContractChanges sneaky = new ContractChanges(null, null, null, null, null, null, null, null, date("2029-01-01"));
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), sneaky, null)), RENEWAL_EXPIRY_IN_CHANGES,
                "changes.expiresOn must be empty");
    }

    @Test
    void renewing_with_a_suspended_supplier_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms()), signed()).when(new RenewContractCommand(CONTRACT, date("2028-11-30"), null, null)), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED");
    }

    @Test
    void terminating_records_the_reason() {
        fixture.given(drafted(designTerms()), signed())
                .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2027-03-01"), null))
                .expectEvents(new ContractTerminatedEvent(CONTRACT, "supplier exit", date("2027-03-01")));
    }

    @Test
    void terminating_an_expired_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(new TerminateContractCommand(CONTRACT, "too late", date("2027-12-05"), null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED and accepts no further commands");
    }

    @Test
    void a_terminated_contract_refuses_amendments() {
        refused(fixture.given(drafted(designTerms()), signed(), terminated()).when(amendPrice()), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }

    // ---- snapshots -----------------------------------------------------------------------------------------------

    @Test
    void aggregate_state_survives_a_jackson_round_trip() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"),
                        paid("pay-1", "1000.00", "1000.00"), disputeOpened("dp-1"),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                                Instant.parse("2026-12-16T00:00:00Z"), false))
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "note", List.of(), null))
                .expectState(contract -> {
                    try {
                        String first = JSON.writeValueAsString(contract);
                        Contract restored = JSON.readValue(first, Contract.class);
                        String second = JSON.writeValueAsString(restored);
                        JsonNode tree = JSON.readTree(first);
                        assertThat(JSON.readTree(second)).isEqualTo(tree);
                        assertThat(tree.path("contractId").asText()).isEqualTo("ct-2026-001");
                        assertThat(tree.path("status").asText()).isEqualTo("ACTIVE");
                        assertThat(tree.path("terms").path("lineItems").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("0.90");
                        assertThat(tree.path("acceptedQuantities").path("d1").path("M8-30").decimalValue()).isEqualByComparingTo("5800");
                        assertThat(tree.path("breaches").path("br-1").path("penalty").path("amount").asText()).isEqualTo("81.00");
                        assertThat(tree.path("totalPaid").path("amount").asText()).isEqualTo("1000.00");
                        assertThat(tree.path("disputes").path("dp-1").path("stage").asText()).isEqualTo("NEGOTIATION");
                        assertThat(tree.path("reportedOverdue").path("d1").asText()).isEqualTo("2026-12-15");
                        assertThat(tree.path("deliveries").path("dl-1").path("daysLate").asInt()).isEqualTo(3);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void deadline_payloads_survive_the_stored_message_serializer() {
        Serializer serializer = LedgerJson.serializer();
        MilestoneDue milestoneDue = new MilestoneDue("d1", date("2026-12-15"));
        ExpiryDue expiryDue = new ExpiryDue(date("2027-11-30"));

        SerializedObject<byte[]> storedMilestone = serializer.serialize(milestoneDue, byte[].class);
        SerializedObject<byte[]> storedExpiry = serializer.serialize(expiryDue, byte[].class);

        assertThat((Object) serializer.deserialize(storedMilestone)).isEqualTo(milestoneDue);
        assertThat((Object) serializer.deserialize(storedExpiry)).isEqualTo(expiryDue);
        assertThat(new String(storedMilestone.getData())).contains("\"dueOn\":\"2026-12-15\"");
    }

    @Test
    void a_restored_snapshot_still_enforces_the_rules() throws Exception {
        FixtureConfiguration<Contract> source = new AggregateTestFixture<>(Contract.class);
        List<String> snapshot = new ArrayList<>();
        source.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                .when(new TerminateContractCommand(CONTRACT, "x", null, null))
                .expectState(contract -> {
                    try {
                        snapshot.add(JSON.writeValueAsString(contract));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        Contract restored = JSON.readValue(snapshot.get(0), Contract.class);
        refused(fixture.givenState(() -> restored).when(designDelivery()), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static void refused(ResultValidator<Contract> result, Rule rule, String detailFragment) {
        Refusals.refused(result, rule, detailFragment);
    }

    private static Matcher<List<? super EventMessage<?>>> singlePayload(
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

    private static SupplierStanding standing(SupplierStatus status, CreditRating rating, SupplierTier tier) {
        return new SupplierStanding(SUPPLIER, status, rating, tier);
    }

    private static <T> T json(String body, Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    // terms

    private static ContractTerms designTerms() {
        return json(WALKTHROUGH_DRAFT_BODY, ContractTerms.class);
    }

    private static ContractTerms termsAt090() {
        return withLineItems(designTerms(), new LineItem("M8-30", "M8x30 bolt", dec("10000"), "pcs", dec("0.90")));
    }

    private static LineItem designLine() {
        return designTerms().lineItems().get(0);
    }

    private static ContractTerms withLineItems(ContractTerms t, LineItem... lines) {
        return new ContractTerms(t.title(), List.of(lines), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    private static ContractTerms withDeliveries(ContractTerms t, DeliveryMilestone... milestones) {
        return new ContractTerms(t.title(), t.lineItems(), List.of(milestones), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    private static ContractTerms withSchedule(ContractTerms t, PaymentInstalment... instalments) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), new PaymentTerms(30, List.of(instalments)),
                t.qualityStandards(), t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    private static ContractTerms withPenalty(ContractTerms t, PenaltyClause clause) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                clause, t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    private static ContractTerms withGuarantee(ContractTerms t, Guarantee guarantee) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), guarantee, t.effectiveFrom(), t.expiresOn());
    }

    private static ContractTerms withDates(ContractTerms t, LocalDate effectiveFrom, LocalDate expiresOn) {
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), t.paymentTerms(), t.qualityStandards(),
                t.penaltyClause(), t.guarantee(), effectiveFrom, expiresOn);
    }

    // commands

    private static DraftContractCommand draft(ContractTerms terms) {
        return new DraftContractCommand(CONTRACT, SUPPLIER, ContractType.GOODS, CNY, terms);
    }

    private static SignContractCommand sign() {
        return new SignContractCommand(CONTRACT, List.of("Wang Li", "Zhao Min"), date("2026-11-25"), null);
    }

    private static AmendContractCommand amendPrice() {
        return new AmendContractCommand(CONTRACT, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                json(WALKTHROUGH_AMENDMENT_CHANGES, ContractChanges.class), null);
    }

    private static AmendContractCommand amend(ContractChanges changes) {
        return new AmendContractCommand(CONTRACT, AmendmentReason.OTHER, "test", changes, null);
    }

    private static ContractChanges lineChange(LineItemChange change) {
        return new ContractChanges(null, List.of(change), null, null, null, null, null, null, null);
    }

    private static RecordDeliveryCommand designDelivery() {
        return new RecordDeliveryCommand(CONTRACT, "dl-1", "d1", date("2026-12-18"), designDeliveryLines(),
                "200 pcs thread defects", "Li Wei", null);
    }

    private static List<DeliveredLine> designDeliveryLines() {
        return List.of(json(WALKTHROUGH_DELIVERY_LINES, DeliveredLine[].class));
    }

    private static RecordDeliveryCommand delivery(String deliveryId, String milestoneId, String deliveredOn, DeliveredLine... lines) {
        return new RecordDeliveryCommand(CONTRACT, deliveryId, milestoneId, date(deliveredOn), List.of(lines), null, null, null);
    }

    private static DeliveredLine line(String sku, String delivered, String accepted, String rejected) {
        return new DeliveredLine(sku, dec(delivered), dec(accepted), dec(rejected));
    }

    private static RecordPaymentCommand payment(String paymentId, String amount, String currency) {
        return new RecordPaymentCommand(CONTRACT, paymentId, Money.of(amount, currency), date("2027-01-10"), null, null);
    }

    private static RecordBreachCommand designBreach() {
        return new RecordBreachCommand(CONTRACT, "br-1", BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                "d1 three days late", "dl-1", date("2026-12-18"), null);
    }

    private static RecordBreachCommand lateBreach(String breachId, String deliveryId) {
        return new RecordBreachCommand(CONTRACT, breachId, BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER,
                "late", deliveryId, date("2026-12-20"), null);
    }

    private static OpenDisputeCommand openDispute(String disputeId, String breachId, Money claim) {
        return new OpenDisputeCommand(CONTRACT, disputeId, breachId, DisputeCategory.COMPLETION_DATE, claim,
                "penalty contested", null);
    }

    // events

    private static ContractDraftedEvent drafted(ContractTerms terms) {
        return new ContractDraftedEvent(CONTRACT, SUPPLIER, ContractType.GOODS, CNY, terms);
    }

    private static ContractSignedEvent signed() {
        return new ContractSignedEvent(CONTRACT, List.of("Wang Li", "Zhao Min"), date("2026-11-25"));
    }

    private static ContractAmendedEvent amendedPrice() {
        return new ContractAmendedEvent(CONTRACT, 1, AmendmentReason.PRICE_ADJUSTMENT, "steel price +6%",
                List.of(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90")), termsAt090(), List.of());
    }

    private static ContractDeliveredEvent designDelivered() {
        return new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-18"), designDeliveryLines(),
                "200 pcs thread defects", "Li Wei", true, 3, Money.of("5400.00", "CNY"), false);
    }

    /** A delivery against d1 whose goods were all accepted. */
    private static ContractDeliveredEvent delivered(String deliveryId, String deliveredOn, String quantity, String value, boolean late) {
        int daysLate = late ? (int) ChronoUnit.DAYS.between(date("2026-12-15"), date(deliveredOn)) : 0;
        return new ContractDeliveredEvent(CONTRACT, deliveryId, "d1", date(deliveredOn),
                List.of(line("M8-30", quantity, quantity, "0")), null, null, late, daysLate, Money.of(value, "CNY"), false);
    }

    private static ContractPaymentRecordedEvent paid(String paymentId, String amount, String totalPaid,
                                                     String... coveredInstalments) {
        return new ContractPaymentRecordedEvent(CONTRACT, paymentId, Money.of(amount, "CNY"), date("2027-01-10"), null,
                Money.of(totalPaid, "CNY"), List.of(coveredInstalments));
    }

    private static ContractBreachedEvent breached(String breachId, String deliveryId, String penalty, String calculation) {
        return new ContractBreachedEvent(CONTRACT, breachId, BreachType.LATE_DELIVERY, ResponsibleParty.SUPPLIER, "late",
                deliveryId, date("2026-12-20"), Money.of(penalty, "CNY"), calculation);
    }

    private static ContractBreachedEvent breachedEvent(String breachId, String deliveryId, String penalty) {
        return breached(breachId, deliveryId, penalty, "given");
    }

    private static DisputeOpenedEvent disputeOpened(String disputeId) {
        return new DisputeOpenedEvent(CONTRACT, disputeId, null, DisputeCategory.QUANTITY, null, "short", SupplierTier.KEY,
                DisputeStage.NEGOTIATION, DisputeStage.NEGOTIATION);
    }

    private static DisputeEscalatedEvent escalated(String disputeId, DisputeStage from, DisputeStage to) {
        return new DisputeEscalatedEvent(CONTRACT, disputeId, from, to, "no agreement");
    }

    private static DisputeResolvedEvent resolved(String disputeId) {
        return new DisputeResolvedEvent(CONTRACT, disputeId, DisputeOutcome.WITHDRAWN, null, "dropped", DisputeStage.NEGOTIATION);
    }

    private static ContractTerminatedEvent terminated() {
        return new ContractTerminatedEvent(CONTRACT, "supplier exit", date("2027-03-01"));
    }

    private static ContractRenewedEvent renewed(int number) {
        ContractTerms terms = withDates(designTerms(), date("2026-12-01"), date("2028-11-30"));
        return new ContractRenewedEvent(CONTRACT, number, date("2027-11-30"), date("2028-11-30"),
                List.of(new FieldChange("expiresOn", "2027-11-30", "2028-11-30")), terms, List.of());
    }
}
