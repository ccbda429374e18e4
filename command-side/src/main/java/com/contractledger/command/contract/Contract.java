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
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.PaymentSchedule;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.contract.Deliveries.RecordedDelivery;
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
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static com.contractledger.command.contract.ContractRule.AMENDMENT_CHANGES_NOTHING;
import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.CONTRACT_NOT_ACTIVE;
import static com.contractledger.command.contract.ContractRule.RENEWAL_NEEDS_ACTIVE;
import static com.contractledger.command.contract.ContractRule.REVISION_BELOW_PAID;
import static com.contractledger.command.contract.ContractRule.SIGNING_NEEDS_DRAFT;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A procurement contract with one supplier: its terms, and its deliveries, payments, breaches and disputes, each a
 * member with its own rules and state. Snapshots are written with Jackson from the private fields, so all state is
 * plain records, enums and collections; the revision changes with that state, and snapshots of another revision are
 * not used (the events are replayed instead).
 */
@Revision("4")
@Aggregate(snapshotTriggerDefinition = "contractSnapshotTriggerDefinition", cache = "contractCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class Contract {

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
    @AggregateMember
    private Deliveries deliveries = new Deliveries();
    @AggregateMember
    private Payments payments;
    @AggregateMember
    private Breaches breaches = new Breaches();
    @AggregateMember
    private Disputes disputes;
    @AggregateMember
    private ContractNotices notices = new ContractNotices();

    Contract() {
        // required by Axon (event sourcing) and Jackson (snapshots)
    }

    @CommandHandler
    Contract(DraftContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, Reminders reminders) {
        SupplierStanding standing = ContractSuppliers.accepting(suppliers, cmd.supplierId());
        TermsRules.validate(cmd.terms(), cmd.currency());
        TermsRules.checkStricterTerms(standing, cmd.terms(), cmd.currency());
        apply(new ContractDraftedEvent(cmd.contractId(), cmd.supplierId(), cmd.type(), cmd.currency(), cmd.terms()));
        ContractDeadlines.scheduleExpiry(deadlines, cmd.terms().expiresOn());
        reminders.scheduleAhead(deadlines, ContractDeadlines.remindersOf(cmd.terms(), reminders.policy()));
    }

    /** A closed contract accepts no further commands, whichever part of it they are for. */
    @CommandHandlerInterceptor
    void requireNotClosed() {
        if (status.isClosed()) {
            throw CONTRACT_CLOSED.violation("contract " + contractId + " is " + status
                    + " and accepts no further commands", "status", status);
        }
    }

    @CommandHandler
    void handle(SignContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, FactDates facts) {
        if (status != ContractStatus.DRAFT) {
            throw SIGNING_NEEDS_DRAFT.violation("only a DRAFT contract can be signed; contract " + contractId + " is "
                    + status, "status", status);
        }
        facts.notInFuture("signing date", cmd.signedOn());
        SupplierStanding standing = ContractSuppliers.accepting(suppliers, supplierId);
        TermsRules.checkStricterTerms(standing, terms, currency);
        apply(new ContractSignedEvent(contractId, cmd.signatories(), cmd.signedOn()));
        ContractDeadlines.milestones(terms).forEach((milestoneId, dueOn) ->
                watchMilestone(deadlines, facts, milestoneId, dueOn));
    }

    @CommandHandler
    void handle(AmendContractCommand cmd, DeadlineManager deadlines, FactDates facts, Reminders reminders) {
        ContractTerms before = terms;
        ContractTerms amended = TermsAmendment.apply(terms, cmd.changes());
        checkRevisedTerms(amended);
        List<FieldChange> changes = TermsDiff.between(before, amended);
        if (changes.isEmpty()) {
            throw AMENDMENT_CHANGES_NOTHING.violation("amendment changes nothing in contract " + contractId);
        }
        apply(new ContractAmendedEvent(contractId, amendmentCount + 1, cmd.reason(), cmd.description(), changes, amended,
                PaymentSchedule.of(amended).coveredBy(payments.total().amount())));
        scheduleRevisedDeadlines(before, amended, deadlines, facts, reminders);
    }

    @CommandHandler
    void handle(RenewContractCommand cmd, SupplierDirectory suppliers, DeadlineManager deadlines, FactDates facts,
                Reminders reminders) {
        if (status != ContractStatus.ACTIVE) {
            throw RENEWAL_NEEDS_ACTIVE.violation("only an ACTIVE contract can be renewed; contract " + contractId
                    + " is " + status, "status", status);
        }
        ContractChanges requested = TermsAmendment.renewalChanges(terms, cmd);
        // Renewing commits to a further term, so the supplier must still be one we contract with.
        ContractSuppliers.accepting(suppliers, supplierId);
        ContractTerms before = terms;
        ContractTerms renewed = TermsAmendment.withExpiresOn(TermsAmendment.apply(terms, requested), cmd.newExpiresOn());
        checkRevisedTerms(renewed);
        List<FieldChange> changes = TermsDiff.between(before, renewed);
        apply(new ContractRenewedEvent(contractId, renewalCount + 1, before.expiresOn(), cmd.newExpiresOn(), changes, renewed,
                PaymentSchedule.of(renewed).coveredBy(payments.total().amount())));
        scheduleRevisedDeadlines(before, renewed, deadlines, facts, reminders);
    }

    /**
     * Revised terms follow the drafting rules and keep what was already accepted and paid. The low-credit terms bind
     * new contracts (at drafting and signing), so a draft's amendments meet them again at signing.
     */
    private void checkRevisedTerms(ContractTerms revised) {
        TermsRules.validate(revised, currency);
        deliveries.checkRevised(revised);
        Money revisedValue = TermsRules.money(revised.value(), currency);
        if (payments.total().isGreaterThan(revisedValue)) {
            throw REVISION_BELOW_PAID.violation("the contract value would drop to " + revisedValue + ", below the "
                    + payments.total() + " already paid", "contractValue", revisedValue, "paid", payments.total());
        }
    }

    @CommandHandler
    void handle(TerminateContractCommand cmd) {
        if (cmd.effectiveOn() != null) {
            // the termination's effective date is planned, so it may lie ahead; but a contract ends after it began
            FactDates.notBefore("termination's effective date", cmd.effectiveOn(), "contract's effective date",
                    terms.effectiveFrom());
        }
        apply(new ContractTerminatedEvent(contractId, cmd.reason(), cmd.effectiveOn()));
    }

    @CommandHandler
    void handle(RecordDeliveryCommand cmd, FactDates facts) {
        requireActive("delivery");
        ContractEntries.requireNewId("delivery", cmd.deliveryId(), deliveries.ids());
        facts.notInFuture("delivery date", cmd.deliveredOn());
        FactDates.notBefore("delivery date", cmd.deliveredOn(), "signing date", signedOn);
        DeliveryMilestone milestone = TermsRules.delivery(terms, cmd.milestoneId()).orElseThrow(() ->
                ContractEntries.notInContract(contractId, "delivery milestone", cmd.milestoneId()));
        BigDecimal value = deliveries.checkedValue(terms, milestone, cmd.lines());
        long daysLate = Math.max(0, ChronoUnit.DAYS.between(milestone.dueOn(), cmd.deliveredOn()));
        apply(new ContractDeliveredEvent(contractId, cmd.deliveryId(), milestone.milestoneId(), cmd.deliveredOn(),
                cmd.lines(), cmd.inspectionNotes(), cmd.inspector(), daysLate > 0, (int) daysLate,
                TermsRules.money(value, currency), deliveries.metWith(milestone, cmd.lines())));
        completeIfFulfilled(cmd.deliveredOn());
    }

    @CommandHandler
    void handle(RecordPaymentCommand cmd, FactDates facts) {
        requireActive("payment");
        ContractEntries.requireNewId("payment", cmd.paymentId(), payments.ids());
        facts.notInFuture("payment date", cmd.paidOn());
        FactDates.notBefore("payment date", cmd.paidOn(), "signing date", signedOn);
        Money newTotal = payments.totalWith(cmd.amount(), terms);
        apply(new ContractPaymentRecordedEvent(contractId, cmd.paymentId(), cmd.amount(), cmd.paidOn(), cmd.reference(), newTotal,
                PaymentSchedule.of(terms).coveredBy(newTotal.amount())));
        completeIfFulfilled(cmd.paidOn());
    }

    private void completeIfFulfilled(LocalDate on) {
        if (deliveries.allAccepted(terms) && payments.paidInFull(terms)) {
            apply(new ContractCompletedEvent(contractId, on));
        }
    }

    @CommandHandler
    void handle(RecordBreachCommand cmd, FactDates facts) {
        requireActive("breach");
        ContractEntries.requireNewId("breach", cmd.breachId(), breaches.ids());
        RecordedDelivery delivery = cmd.relatedDeliveryId() == null ? null : deliveries.get(cmd.relatedDeliveryId())
                .orElseThrow(() -> ContractEntries.notInContract(contractId, "delivery", cmd.relatedDeliveryId()));
        if (cmd.occurredOn() != null) {
            facts.notInFuture("breach date", cmd.occurredOn());
            if (delivery != null) {
                FactDates.notBefore("breach date", cmd.occurredOn(), "date of delivery " + cmd.relatedDeliveryId(),
                        delivery.deliveredOn());
            }
        }
        if (cmd.type() == BreachType.LATE_DELIVERY && delivery != null) {
            breaches.checkLateDelivery(cmd.relatedDeliveryId(), delivery);
        }
        PenaltyCalculator.Penalty penalty = breaches.penaltyFor(cmd.type(), cmd.responsibleParty(), delivery, terms,
                currency);
        apply(new ContractBreachedEvent(contractId, cmd.breachId(), cmd.type(), cmd.responsibleParty(), cmd.description(),
                cmd.relatedDeliveryId(), cmd.occurredOn(), penalty.amount(), penalty.calculation()));
    }

    @CommandHandler
    void handle(OpenDisputeCommand cmd, SupplierDirectory suppliers) {
        disputes.open(cmd, breaches.ids(), ContractSuppliers.tierOf(suppliers, supplierId));
    }

    private void requireActive(String entry) {
        if (status != ContractStatus.ACTIVE) {
            throw CONTRACT_NOT_ACTIVE.violation("no " + entry + " before signing: contract " + contractId + " is "
                    + status, "status", status);
        }
    }

    @DeadlineHandler(deadlineName = ContractDeadlines.MILESTONE_OVERDUE)
    void on(MilestoneDue due) {
        reportOverdue(due.milestoneId(), due.dueOn(), false);
    }

    @DeadlineHandler(deadlineName = ContractDeadlines.CONTRACT_EXPIRY)
    void on(ExpiryDue due) {
        if (!status.isClosed() && due.expiresOn().equals(terms.expiresOn())) {
            apply(new ContractExpiredEvent(contractId, due.expiresOn()));
        }
    }

    /**
     * Raises a reminder once, while what it reminds of still holds: the milestone is still due on that date and unmet
     * (a draft's too), or the active contract still expires on that date with that notice period.
     */
    @DeadlineHandler(deadlineName = Reminders.DEADLINE)
    void on(PlannedReminder reminder, Reminders reminders) {
        if (notices.issued(reminder) || status.isClosed()) {
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

    /** The kind of the milestone if it is still due on {@code dueOn} and unmet. */
    private Optional<MilestoneKind> unmetMilestone(String milestoneId, LocalDate dueOn) {
        if (TermsRules.delivery(terms, milestoneId).filter(m -> m.dueOn().equals(dueOn) && !deliveries.isMet(m)).isPresent()) {
            return Optional.of(MilestoneKind.DELIVERY);
        }
        boolean unpaid = TermsRules.instalment(terms, milestoneId).filter(p -> p.dueOn().equals(dueOn)).isPresent()
                && !PaymentSchedule.of(terms).covers(milestoneId, payments.total().amount());
        return unpaid ? Optional.of(MilestoneKind.PAYMENT) : Optional.empty();
    }

    /** Reports the milestone overdue if it is still due on {@code dueOn}, unmet, and not reported yet for that date. */
    private void reportOverdue(String milestoneId, LocalDate dueOn, boolean backfilled) {
        if (status != ContractStatus.ACTIVE || notices.reportedOverdue(milestoneId, dueOn)) {
            return;
        }
        unmetMilestone(milestoneId, dueOn).ifPresent(kind -> apply(new ContractMilestoneOverdueEvent(contractId,
                milestoneId, kind, dueOn, ContractDeadlines.startOfDayAfter(dueOn), backfilled)));
    }

    private void scheduleRevisedDeadlines(ContractTerms before, ContractTerms after, DeadlineManager deadlines,
                                          FactDates facts, Reminders reminders) {
        ContractDeadlines.scheduleRevised(before, after, deadlines, reminders);
        if (status == ContractStatus.ACTIVE) { // milestone deadlines start at signing
            ContractDeadlines.movedMilestones(before, after).forEach((milestoneId, dueOn) ->
                    watchMilestone(deadlines, facts, milestoneId, dueOn));
        }
    }

    /**
     * A milestone still ahead gets its overdue deadline. One already past due (a contract recorded after the fact, a
     * due date amended into the past) is reported overdue at once, marked backfilled, and gets no deadline: one in the
     * past would fire at once as well, but looking as if it had fired on time.
     */
    private void watchMilestone(DeadlineManager deadlines, FactDates facts, String milestoneId, LocalDate dueOn) {
        Instant overdueFrom = ContractDeadlines.startOfDayAfter(dueOn);
        if (overdueFrom.isAfter(facts.now())) {
            deadlines.schedule(overdueFrom, ContractDeadlines.MILESTONE_OVERDUE, new MilestoneDue(milestoneId, dueOn));
        } else {
            reportOverdue(milestoneId, dueOn, true);
        }
    }

    @EventSourcingHandler
    void on(ContractDraftedEvent event) {
        contractId = event.contractId();
        supplierId = event.supplierId();
        type = event.type();
        currency = event.currency();
        terms = event.terms();
        status = ContractStatus.DRAFT;
        payments = new Payments(event.currency());
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
