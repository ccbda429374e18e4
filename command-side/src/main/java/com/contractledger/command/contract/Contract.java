package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AmendContractCommand;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentSchedule;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.RuleViolationException;
import com.contractledger.command.supplier.SupplierDirectory;
import com.contractledger.command.supplier.SupplierStanding;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.AMENDMENT_CHANGES_NOTHING;
import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.CONTRACT_NOT_ACTIVE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_EXCEEDS_REMAINING;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_NOT_DUE;
import static com.contractledger.command.contract.ContractRule.DELIVERY_SKU_REPEATED;
import static com.contractledger.command.contract.ContractRule.DELIVERY_UNBALANCED;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_NOT_LATE;
import static com.contractledger.command.contract.ContractRule.LATE_DELIVERY_BREACH_REPEATED;
import static com.contractledger.command.contract.ContractRule.PAYMENT_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.PAYMENT_NOT_POSITIVE;
import static com.contractledger.command.contract.ContractRule.REFERENCE_NOT_IN_CONTRACT;
import static com.contractledger.command.contract.ContractRule.RENEWAL_EXPIRY_IN_CHANGES;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NEEDS_ACTIVE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NOT_LATER;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_ACCEPTED;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_PAID;
import static com.contractledger.command.contract.ContractRule.SIGNING_NEEDS_DRAFT;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ONBOARDED;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A procurement contract with one supplier: its terms, deliveries, payments, breaches and disputes. Snapshots are
 * written with Jackson from the private fields, so all state is plain records, enums and collections; the revision
 * changes with that state, and snapshots of another revision are not used (the events are replayed instead).
 */
@Revision("4")
@Aggregate(snapshotTriggerDefinition = "contractSnapshotTriggerDefinition", cache = "contractCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Contract {

    static final String MILESTONE_OVERDUE = "milestone-overdue";
    static final String CONTRACT_EXPIRY = "contract-expiry";

    /** A recorded delivery, kept for breach penalties. */
    record RecordedDelivery(String milestoneId, LocalDate deliveredOn, boolean late, int daysLate, Money deliveredValue) {
    }

    record RecordedBreach(BreachType type, String relatedDeliveryId, Money penalty) {
    }

    @AggregateIdentifier
    private ContractId contractId;
    private SupplierId supplierId;
    private ContractType type;
    private Currency currency;
    private ContractTerms terms;
    private ContractStatus status;
    private LocalDate signedOn;
    private int amendmentCount;
    private int renewalCount;
    private Map<String, RecordedDelivery> deliveries = new LinkedHashMap<>();
    /** Accepted quantity per delivery milestone and sku: milestoneId → sku → accepted. */
    private Map<String, Map<String, BigDecimal>> acceptedQuantities = new HashMap<>();
    private Map<String, Money> payments = new LinkedHashMap<>();
    private Money totalPaid;
    private Map<String, RecordedBreach> breaches = new LinkedHashMap<>();
    @AggregateMember
    private Disputes disputes;
    /** Milestones already reported overdue, with the due date that was reported. */
    private Map<String, LocalDate> reportedOverdue = new HashMap<>();
    /** The keys of the reminders raised ({@link PlannedReminder#key()}). */
    private Set<String> issuedReminders = new HashSet<>();

    Contract() {
        // required by Axon (event sourcing) and Jackson (snapshots)
    }

    // ---- drafting and signing ----------------------------------------------------------------------------------

    @CommandHandler
    Contract(DraftContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, Reminders reminders) {
        SupplierStanding standing = acceptingSupplier(suppliers, cmd.supplierId());
        TermsRules.validate(cmd.terms(), cmd.currency());
        TermsRules.checkStricterTerms(standing, cmd.terms(), cmd.currency());
        apply(new ContractDraftedEvent(cmd.contractId(), cmd.supplierId(), cmd.type(), cmd.currency(), cmd.terms()));
        scheduleExpiry(deadlines, cmd.terms().expiresOn());
        reminders.scheduleAhead(deadlines, remindersOf(cmd.terms(), reminders.policy()));
    }

    @CommandHandler
    void handle(SignContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, FactDates facts) {
        if (status != ContractStatus.DRAFT) {
            throw SIGNING_NEEDS_DRAFT.violation("only a DRAFT contract can be signed; contract " + contractId + " is "
                    + status, "status", status);
        }
        facts.notInFuture("signing date", cmd.signedOn());
        SupplierStanding standing = acceptingSupplier(suppliers, supplierId);
        TermsRules.checkStricterTerms(standing, terms, currency);
        apply(new ContractSignedEvent(contractId, cmd.signatories(), cmd.signedOn()));
        terms.deliveries().forEach(m -> watchMilestone(deadlines, facts, m.milestoneId(), m.dueOn()));
        TermsRules.schedule(terms).forEach(p -> watchMilestone(deadlines, facts, p.milestoneId(), p.dueOn()));
    }

    // ---- amendment and renewal ---------------------------------------------------------------------------------

    @CommandHandler
    void handle(AmendContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, FactDates facts,
                Reminders reminders) {
        ContractTerms before = terms;
        ContractTerms amended = TermsAmendment.apply(terms, cmd.changes());
        checkRevisedTerms(amended, suppliers);
        List<FieldChange> changes = TermsDiff.between(before, amended);
        if (changes.isEmpty()) {
            throw AMENDMENT_CHANGES_NOTHING.violation("amendment changes nothing in contract " + contractId);
        }
        apply(new ContractAmendedEvent(contractId, amendmentCount + 1, cmd.reason(), cmd.description(), changes, amended,
                PaymentSchedule.of(amended).coveredBy(totalPaid.amount())));
        scheduleRevisedDeadlines(before, amended, deadlines, facts, reminders);
    }

    @CommandHandler
    void handle(RenewContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, FactDates facts,
                Reminders reminders) {
        if (status != ContractStatus.ACTIVE) {
            throw RENEWAL_NEEDS_ACTIVE.violation("only an ACTIVE contract can be renewed; contract " + contractId
                    + " is " + status, "status", status);
        }
        if (!cmd.newExpiresOn().isAfter(terms.expiresOn())) {
            throw RENEWAL_NOT_LATER.violation("the new expiry " + cmd.newExpiresOn()
                    + " must be after the current expiry " + terms.expiresOn(),
                    "newExpiresOn", cmd.newExpiresOn(), "currentExpiresOn", terms.expiresOn());
        }
        ContractChanges requested = cmd.changes() == null ? ContractChanges.none() : cmd.changes();
        if (requested.expiresOn() != null) {
            throw RENEWAL_EXPIRY_IN_CHANGES.violation(
                    "a renewal sets the expiry through newExpiresOn; changes.expiresOn must be empty",
                    "changes.expiresOn", requested.expiresOn());
        }
        // Renewing commits to a further term, so the supplier must still be one we contract with.
        acceptingSupplier(suppliers, supplierId);
        ContractTerms before = terms;
        ContractTerms renewed = TermsAmendment.withExpiresOn(TermsAmendment.apply(terms, requested), cmd.newExpiresOn());
        checkRevisedTerms(renewed, suppliers);
        List<FieldChange> changes = TermsDiff.between(before, renewed);
        apply(new ContractRenewedEvent(contractId, renewalCount + 1, before.expiresOn(), cmd.newExpiresOn(), changes, renewed,
                PaymentSchedule.of(renewed).coveredBy(totalPaid.amount())));
        scheduleRevisedDeadlines(before, renewed, deadlines, facts, reminders);
    }

    /**
     * Revised terms follow the drafting rules and keep what was already accepted and paid. The low-credit terms bind
     * new contracts (at drafting and signing), so a draft's amendments meet them again at signing.
     */
    private void checkRevisedTerms(ContractTerms revised, SupplierDirectory suppliers) {
        TermsRules.validate(revised, currency);
        for (LineItem line : revised.lineItems()) {
            BigDecimal accepted = acceptedOfSku(line.sku());
            if (line.quantity().compareTo(accepted) < 0) {
                throw REVISION_BELOW_ACCEPTED.violation("line item " + line.sku() + ": quantity "
                        + line.quantity().toPlainString() + " is below the " + accepted.toPlainString()
                        + " already accepted", "sku", line.sku(), "quantity", line.quantity(), "accepted", accepted);
            }
        }
        acceptedQuantities.forEach((milestoneId, acceptedBySku) -> acceptedBySku.forEach((sku, accepted) -> {
            BigDecimal due = TermsRules.delivery(revised, milestoneId).flatMap(m -> lineOf(m, sku))
                    .map(MilestoneLine::quantity).orElse(BigDecimal.ZERO);
            if (due.compareTo(accepted) < 0) {
                throw REVISION_BELOW_ACCEPTED.violation("delivery milestone " + milestoneId + ": quantity of " + sku
                        + " " + due.toPlainString() + " is below the " + accepted.toPlainString() + " already accepted",
                        "milestoneId", milestoneId, "sku", sku, "quantity", due, "accepted", accepted);
            }
        }));
        Money revisedValue = TermsRules.money(revised.value(), currency);
        if (totalPaid.isGreaterThan(revisedValue)) {
            throw REVISION_BELOW_PAID.violation("the contract value would drop to " + revisedValue + ", below the "
                    + totalPaid + " already paid", "contractValue", revisedValue, "paid", totalPaid);
        }
    }

    // ---- deliveries and payments -------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordDeliveryCommand cmd, FactDates facts) {
        requireActive("delivery");
        requireNewId("delivery", cmd.deliveryId(), deliveries.keySet());
        facts.notInFuture("delivery date", cmd.deliveredOn());
        FactDates.notBefore("delivery date", cmd.deliveredOn(), "signing date", signedOn);
        DeliveryMilestone milestone = TermsRules.delivery(terms, cmd.milestoneId()).orElseThrow(() ->
                notInContract("delivery milestone", cmd.milestoneId()));
        Map<String, BigDecimal> acceptedNow = new HashMap<>();
        BigDecimal value = BigDecimal.ZERO;
        for (DeliveredLine line : cmd.lines()) {
            checkDeliveredLine(milestone, line, acceptedNow.keySet());
            acceptedNow.put(line.sku(), line.accepted());
            value = value.add(line.delivered().multiply(TermsRules.lineItem(terms, line.sku()).orElseThrow().unitPrice()));
        }
        boolean milestoneMet = milestone.lines().stream().allMatch(line ->
                accepted(milestone.milestoneId(), line.sku()).add(acceptedNow.getOrDefault(line.sku(), BigDecimal.ZERO))
                        .compareTo(line.quantity()) >= 0);
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(milestone.dueOn(), cmd.deliveredOn()));
        apply(new ContractDeliveredEvent(contractId, cmd.deliveryId(), milestone.milestoneId(), cmd.deliveredOn(),
                cmd.lines(), cmd.inspectionNotes(), cmd.inspector(), daysLate > 0, (int) daysLate,
                TermsRules.money(value, currency), milestoneMet));
        completeIfFulfilled(cmd.deliveredOn());
    }

    private void checkDeliveredLine(DeliveryMilestone milestone, DeliveredLine line, Set<String> skusSoFar) {
        String where = "delivery milestone " + milestone.milestoneId();
        MilestoneLine due = lineOf(milestone, line.sku()).orElseThrow(() -> DELIVERY_SKU_NOT_DUE.violation(
                where + " has no line for sku " + line.sku(), "milestoneId", milestone.milestoneId(), "sku", line.sku()));
        if (skusSoFar.contains(line.sku())) {
            throw DELIVERY_SKU_REPEATED.violation("sku " + line.sku() + " appears more than once in the delivery",
                    "sku", line.sku());
        }
        if (line.accepted().add(line.rejected()).compareTo(line.delivered()) != 0) {
            throw DELIVERY_UNBALANCED.violation("sku " + line.sku() + ": accepted " + line.accepted().toPlainString()
                            + " + rejected " + line.rejected().toPlainString() + " must equal delivered "
                            + line.delivered().toPlainString(),
                    "sku", line.sku(), "accepted", line.accepted(), "rejected", line.rejected(),
                    "delivered", line.delivered());
        }
        BigDecimal remaining = due.quantity().subtract(accepted(milestone.milestoneId(), line.sku()));
        if (line.delivered().compareTo(remaining) > 0) {
            throw DELIVERY_EXCEEDS_REMAINING.violation("sku " + line.sku() + ": delivered "
                            + line.delivered().toPlainString() + " is more than the " + remaining.toPlainString()
                            + " remaining at " + where,
                    "milestoneId", milestone.milestoneId(), "sku", line.sku(), "delivered", line.delivered(),
                    "remaining", remaining);
        }
    }

    @CommandHandler
    void handle(RecordPaymentCommand cmd, FactDates facts) {
        requireActive("payment");
        requireNewId("payment", cmd.paymentId(), payments.keySet());
        facts.notInFuture("payment date", cmd.paidOn());
        FactDates.notBefore("payment date", cmd.paidOn(), "signing date", signedOn);
        TermsRules.requireCurrency("payment", cmd.amount(), currency);
        if (cmd.amount().amount().signum() <= 0) {
            throw PAYMENT_NOT_POSITIVE.violation("payment amount must be greater than 0 (is " + cmd.amount() + ")",
                    "amount", cmd.amount());
        }
        Money newTotal = totalPaid.plus(cmd.amount());
        Money value = TermsRules.money(terms.value(), currency);
        if (newTotal.isGreaterThan(value)) {
            throw PAYMENT_EXCEEDS_VALUE.violation("overpayment: payment of " + cmd.amount()
                            + " would bring the total paid to " + newTotal + ", above the contract value " + value,
                    "amount", cmd.amount(), "totalPaid", newTotal, "contractValue", value);
        }
        apply(new ContractPaymentRecordedEvent(contractId, cmd.paymentId(), cmd.amount(), cmd.paidOn(), cmd.reference(), newTotal,
                PaymentSchedule.of(terms).coveredBy(newTotal.amount())));
        completeIfFulfilled(cmd.paidOn());
    }

    private void completeIfFulfilled(LocalDate on) {
        // Quantity not yet scheduled on a milestone (a renewal's added volume, say) keeps the contract open.
        boolean allAccepted = terms.deliveries().stream().allMatch(this::isMet) && terms.lineItems().stream()
                .allMatch(line -> acceptedOfSku(line.sku()).compareTo(line.quantity()) >= 0);
        BigDecimal payable = TermsRules.schedule(terms).isEmpty()
                ? terms.value() : TermsRules.scheduledPayments(terms);
        if (allAccepted && totalPaid.amount().compareTo(payable) >= 0) {
            apply(new ContractCompletedEvent(contractId, on));
        }
    }

    // ---- breaches and disputes ---------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordBreachCommand cmd, FactDates facts) {
        requireActive("breach");
        requireNewId("breach", cmd.breachId(), breaches.keySet());
        RecordedDelivery delivery = null;
        if (cmd.relatedDeliveryId() != null) {
            delivery = deliveries.get(cmd.relatedDeliveryId());
            if (delivery == null) {
                throw notInContract("delivery", cmd.relatedDeliveryId());
            }
        }
        if (cmd.occurredOn() != null) {
            facts.notInFuture("breach date", cmd.occurredOn());
            if (delivery != null) {
                FactDates.notBefore("breach date", cmd.occurredOn(), "date of delivery " + cmd.relatedDeliveryId(),
                        delivery.deliveredOn());
            }
        }
        if (cmd.type() == BreachType.LATE_DELIVERY && delivery != null) {
            if (!delivery.late()) {
                throw LATE_DELIVERY_BREACH_NOT_LATE.violation("delivery " + cmd.relatedDeliveryId()
                                + " was not late, so it cannot be the subject of a LATE_DELIVERY breach",
                        "deliveryId", cmd.relatedDeliveryId(), "daysLate", delivery.daysLate());
            }
            breaches.entrySet().stream()
                    .filter(b -> b.getValue().type() == BreachType.LATE_DELIVERY
                            && cmd.relatedDeliveryId().equals(b.getValue().relatedDeliveryId()))
                    .findFirst()
                    .ifPresent(b -> {
                        throw LATE_DELIVERY_BREACH_REPEATED.violation("delivery " + cmd.relatedDeliveryId()
                                        + " already has a LATE_DELIVERY breach (" + b.getKey() + ")",
                                "deliveryId", cmd.relatedDeliveryId(), "breachId", b.getKey());
                    });
        }
        PenaltyCalculator.Penalty penalty = penaltyFor(cmd.type(), cmd.responsibleParty(), delivery);
        apply(new ContractBreachedEvent(contractId, cmd.breachId(), cmd.type(), cmd.responsibleParty(), cmd.description(),
                cmd.relatedDeliveryId(), cmd.occurredOn(), penalty.amount(), penalty.calculation()));
    }

    private PenaltyCalculator.Penalty penaltyFor(BreachType type, ResponsibleParty party, RecordedDelivery delivery) {
        if (type != BreachType.LATE_DELIVERY || party != ResponsibleParty.SUPPLIER) {
            return PenaltyCalculator.none(currency, "the penalty clause covers late delivery by the supplier only");
        }
        if (delivery == null) {
            return PenaltyCalculator.none(currency, "no related delivery to price");
        }
        Money penaltiesSoFar = breaches.values().stream().map(RecordedBreach::penalty)
                .reduce(Money.zero(currency), Money::plus);
        return PenaltyCalculator.lateDelivery(terms.penaltyClause(), delivery.daysLate(), delivery.deliveredValue(),
                TermsRules.money(terms.value(), currency), penaltiesSoFar);
    }

    @CommandHandler
    void handle(OpenDisputeCommand cmd, SupplierDirectory suppliers) {
        requireNewId("dispute", cmd.disputeId(), disputes.ids());
        if (cmd.breachId() != null && !breaches.containsKey(cmd.breachId())) {
            throw notInContract("breach", cmd.breachId());
        }
        if (cmd.claimAmount() != null) {
            TermsRules.requireCurrency("claim amount", cmd.claimAmount(), currency);
        }
        SupplierTier tier = suppliers.standingOf(supplierId).map(SupplierStanding::tier).orElse(SupplierTier.GENERAL);
        if (tier == null) {
            tier = SupplierTier.GENERAL;
        }
        // KEY suppliers are worth a long-term relationship: negotiate first. GENERAL ones may go to arbitration early.
        DisputeStage track = tier == SupplierTier.KEY ? DisputeStage.NEGOTIATION : DisputeStage.ARBITRATION;
        apply(new DisputeOpenedEvent(contractId, cmd.disputeId(), cmd.breachId(), cmd.category(), cmd.claimAmount(),
                cmd.description(), tier, track, DisputeStage.NEGOTIATION));
    }

    // ---- termination -------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(TerminateContractCommand cmd) {
        if (cmd.effectiveOn() != null) {
            // the termination's effective date is planned, so it may lie ahead; but a contract ends after it began
            FactDates.notBefore("termination's effective date", cmd.effectiveOn(), "contract's effective date",
                    terms.effectiveFrom());
        }
        apply(new ContractTerminatedEvent(contractId, cmd.reason(), cmd.effectiveOn()));
    }

    // ---- deadlines ---------------------------------------------------------------------------------------------

    @DeadlineHandler(deadlineName = MILESTONE_OVERDUE)
    void on(MilestoneDue due) {
        reportOverdue(due.milestoneId(), due.dueOn(), false);
    }

    /** Reports the milestone overdue if it is still due on {@code dueOn}, unmet, and not reported yet for that date. */
    private void reportOverdue(String milestoneId, LocalDate dueOn, boolean backfilled) {
        if (status != ContractStatus.ACTIVE || dueOn.equals(reportedOverdue.get(milestoneId))) {
            return;
        }
        unmetMilestone(milestoneId, dueOn).ifPresent(kind -> apply(new ContractMilestoneOverdueEvent(contractId,
                milestoneId, kind, dueOn, startOfDayAfter(dueOn), backfilled)));
    }

    /**
     * Raises a reminder once, while what it reminds of still holds: the milestone is still due on that date and unmet
     * (a draft's too), or the active contract still expires on that date with that notice period.
     */
    @DeadlineHandler(deadlineName = Reminders.DEADLINE)
    void on(PlannedReminder reminder, Reminders reminders) {
        if (issuedReminders.contains(reminder.key()) || status.isClosed()) {
            return;
        }
        ReminderPolicy policy = reminders.policy();
        switch (reminder.kind()) {
            case MILESTONE_APPROACHING -> unmetMilestone(reminder.subject(), reminder.date())
                    .filter(kind -> reminders.isDue(reminder, policy.forMilestone(reminder.subject(), reminder.date())))
                    .ifPresent(kind -> apply(new ContractMilestoneApproachingEvent(contractId, reminder.subject(), kind,
                            reminder.date(), reminder.daysBefore())));
            case RENEWAL_NOTICE_DUE -> {
                if (isActiveUntil(reminder) && Integer.valueOf(reminder.daysBefore()).equals(terms.renewalNoticeDays())
                        && reminders.isDue(reminder, policy.forExpiry(reminder.date(), terms.renewalNoticeDays()))) {
                    apply(new ContractRenewalNoticeDueEvent(contractId, reminder.date(), reminder.daysBefore(),
                            reminder.remindOn()));
                }
            }
            case EXPIRY_APPROACHING -> {
                if (isActiveUntil(reminder)
                        && reminders.isDue(reminder, policy.forExpiry(reminder.date(), terms.renewalNoticeDays()))) {
                    apply(new ContractExpiryApproachingEvent(contractId, reminder.date(), reminder.daysBefore()));
                }
            }
            default -> throw new IllegalStateException("a contract has no " + reminder.kind() + " reminders");
        }
    }

    private boolean isActiveUntil(PlannedReminder reminder) {
        return status == ContractStatus.ACTIVE && reminder.date().equals(terms.expiresOn());
    }

    /** The reminders the terms call for: ahead of expiry (and at the renewal notice) and of every milestone. */
    private static List<PlannedReminder> remindersOf(ContractTerms terms, ReminderPolicy policy) {
        List<PlannedReminder> planned = new ArrayList<>(policy.forExpiry(terms.expiresOn(), terms.renewalNoticeDays()));
        terms.deliveries().forEach(m -> planned.addAll(policy.forMilestone(m.milestoneId(), m.dueOn())));
        TermsRules.schedule(terms).forEach(p -> planned.addAll(policy.forMilestone(p.milestoneId(), p.dueOn())));
        return planned;
    }

    /** The kind of the milestone if it is still due on {@code dueOn} and unmet. */
    private Optional<MilestoneKind> unmetMilestone(String milestoneId, LocalDate dueOn) {
        if (TermsRules.delivery(terms, milestoneId).filter(m -> m.dueOn().equals(dueOn) && !isMet(m)).isPresent()) {
            return Optional.of(MilestoneKind.DELIVERY);
        }
        boolean unpaid = TermsRules.instalment(terms, milestoneId).filter(p -> p.dueOn().equals(dueOn)).isPresent()
                && !PaymentSchedule.of(terms).covers(milestoneId, totalPaid.amount());
        return unpaid ? Optional.of(MilestoneKind.PAYMENT) : Optional.empty();
    }

    @DeadlineHandler(deadlineName = CONTRACT_EXPIRY)
    void on(ExpiryDue due) {
        if ((status == ContractStatus.DRAFT || status == ContractStatus.ACTIVE) && due.expiresOn().equals(terms.expiresOn())) {
            apply(new ContractExpiredEvent(contractId, due.expiresOn()));
        }
    }

    private void scheduleRevisedDeadlines(ContractTerms before, ContractTerms after, DeadlineManager deadlines,
                                          FactDates facts, Reminders reminders) {
        if (!after.expiresOn().equals(before.expiresOn())) {
            scheduleExpiry(deadlines, after.expiresOn());
        }
        Set<String> plannedBefore = new HashSet<>();
        remindersOf(before, reminders.policy()).forEach(reminder -> plannedBefore.add(reminder.key()));
        reminders.scheduleAhead(deadlines, remindersOf(after, reminders.policy()).stream()
                .filter(reminder -> !plannedBefore.contains(reminder.key())).toList());
        if (status != ContractStatus.ACTIVE) {
            return; // milestone deadlines start at signing
        }
        for (DeliveryMilestone milestone : after.deliveries()) {
            boolean unchanged = TermsRules.delivery(before, milestone.milestoneId())
                    .filter(m -> m.dueOn().equals(milestone.dueOn())).isPresent();
            if (!unchanged) {
                watchMilestone(deadlines, facts, milestone.milestoneId(), milestone.dueOn());
            }
        }
        for (PaymentInstalment instalment : TermsRules.schedule(after)) {
            boolean unchanged = TermsRules.instalment(before, instalment.milestoneId())
                    .filter(p -> p.dueOn().equals(instalment.dueOn())).isPresent();
            if (!unchanged) {
                watchMilestone(deadlines, facts, instalment.milestoneId(), instalment.dueOn());
            }
        }
    }

    /**
     * A milestone still ahead gets its overdue deadline. One already past due (a contract recorded after the fact, a
     * due date amended into the past) is reported overdue at once, marked backfilled, and gets no deadline: one in the
     * past would fire at once as well, but looking as if it had fired on time.
     */
    private void watchMilestone(DeadlineManager deadlines, FactDates facts, String milestoneId, LocalDate dueOn) {
        Instant overdueFrom = startOfDayAfter(dueOn);
        if (overdueFrom.isAfter(facts.now())) {
            deadlines.schedule(overdueFrom, MILESTONE_OVERDUE, new MilestoneDue(milestoneId, dueOn));
        } else {
            reportOverdue(milestoneId, dueOn, true);
        }
    }

    private static void scheduleExpiry(DeadlineManager deadlines, LocalDate expiresOn) {
        deadlines.schedule(startOfDayAfter(expiresOn), CONTRACT_EXPIRY, new ExpiryDue(expiresOn));
    }

    /** Due dates are calendar dates in UTC; an unmet one is overdue from the start of the next day. */
    static Instant startOfDayAfter(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    // ---- state queries -----------------------------------------------------------------------------------------

    /** A closed contract accepts no further commands, whichever part of it they are for. */
    @CommandHandlerInterceptor
    void requireNotClosed() {
        if (status.isClosed()) {
            throw CONTRACT_CLOSED.violation("contract " + contractId + " is " + status
                    + " and accepts no further commands", "status", status);
        }
    }

    private void requireActive(String entry) {
        if (status != ContractStatus.ACTIVE) {
            throw CONTRACT_NOT_ACTIVE.violation("no " + entry + " before signing: contract " + contractId + " is "
                    + status, "status", status);
        }
    }

    private static void requireNewId(String entry, String id, Set<String> recorded) {
        if (recorded.contains(id)) {
            throw CommonRule.ID_ALREADY_RECORDED.violation(entry + " " + id + " is already recorded",
                    "entry", entry, "id", id);
        }
    }

    private RuleViolationException notInContract(String entry, String id) {
        return REFERENCE_NOT_IN_CONTRACT.violation(entry + " " + id + " does not exist in contract " + contractId,
                "entry", entry, "id", id);
    }

    private static SupplierStanding acceptingSupplier(SupplierDirectory suppliers, SupplierId supplierId) {
        SupplierStanding standing = suppliers.standingOf(supplierId).orElseThrow(() ->
                SUPPLIER_NOT_ONBOARDED.violation("supplier " + supplierId + " is not onboarded",
                        "supplierId", supplierId));
        if (!standing.acceptsContracts()) {
            throw SUPPLIER_NOT_ACCEPTING.violation("supplier " + supplierId + " is " + standing.status()
                    + " and cannot take contracts", "supplierId", supplierId, "supplierStatus", standing.status());
        }
        return standing;
    }

    private BigDecimal accepted(String milestoneId, String sku) {
        return acceptedQuantities.getOrDefault(milestoneId, Map.of()).getOrDefault(sku, BigDecimal.ZERO);
    }

    private BigDecimal acceptedOfSku(String sku) {
        return acceptedQuantities.values().stream()
                .map(bySku -> bySku.getOrDefault(sku, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Optional<MilestoneLine> lineOf(DeliveryMilestone milestone, String sku) {
        return milestone.lines().stream().filter(line -> line.sku().equals(sku)).findFirst();
    }

    private boolean isMet(DeliveryMilestone milestone) {
        return milestone.lines().stream()
                .allMatch(line -> accepted(milestone.milestoneId(), line.sku()).compareTo(line.quantity()) >= 0);
    }

    // ---- event sourcing ----------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ContractDraftedEvent event) {
        contractId = event.contractId();
        supplierId = event.supplierId();
        type = event.type();
        currency = event.currency();
        terms = event.terms();
        status = ContractStatus.DRAFT;
        totalPaid = Money.zero(event.currency());
        disputes = new Disputes(event.currency());
    }

    @EventSourcingHandler
    void on(ContractSignedEvent event) {
        status = ContractStatus.ACTIVE;
        signedOn = event.signedOn();
    }

    @EventSourcingHandler
    void on(ContractAmendedEvent event) {
        terms = event.terms();
        amendmentCount = event.amendmentNumber();
    }

    @EventSourcingHandler
    void on(ContractRenewedEvent event) {
        terms = event.terms();
        renewalCount = event.renewalNumber();
    }

    @EventSourcingHandler
    void on(ContractDeliveredEvent event) {
        deliveries.put(event.deliveryId(), new RecordedDelivery(event.milestoneId(), event.deliveredOn(), event.late(),
                event.daysLate(), event.deliveredValue()));
        Map<String, BigDecimal> bySku = acceptedQuantities.computeIfAbsent(event.milestoneId(), id -> new HashMap<>());
        event.lines().forEach(line -> bySku.merge(line.sku(), line.accepted(), BigDecimal::add));
    }

    @EventSourcingHandler
    void on(ContractPaymentRecordedEvent event) {
        payments.put(event.paymentId(), event.amount());
        totalPaid = event.totalPaid();
    }

    @EventSourcingHandler
    void on(ContractMilestoneOverdueEvent event) {
        reportedOverdue.put(event.milestoneId(), event.dueOn());
    }

    @EventSourcingHandler
    void on(ContractMilestoneApproachingEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.MILESTONE_APPROACHING, event.milestoneId(),
                event.dueOn(), event.daysBefore()));
    }

    @EventSourcingHandler
    void on(ContractRenewalNoticeDueEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.RENEWAL_NOTICE_DUE, "", event.expiresOn(),
                event.renewalNoticeDays()));
    }

    @EventSourcingHandler
    void on(ContractExpiryApproachingEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.EXPIRY_APPROACHING, "", event.expiresOn(),
                event.daysBefore()));
    }

    @EventSourcingHandler
    void on(ContractBreachedEvent event) {
        breaches.put(event.breachId(), new RecordedBreach(event.type(), event.relatedDeliveryId(), event.penalty()));
    }

    @EventSourcingHandler
    void on(ContractTerminatedEvent event) {
        status = ContractStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(ContractExpiredEvent event) {
        status = ContractStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(ContractCompletedEvent event) {
        status = ContractStatus.COMPLETED;
    }
}
