package com.contractledger.query.summary;

import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.NextReminder;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The current summary of one contract. {@code version} is the sequence number of the contract's latest event applied
 * here; {@code nextMilestone} is the earliest unmet milestone of {@code milestones}, none once the contract is closed;
 * {@code nextReminder} is worked out as the summary is read ({@link #asOf}), by the calendar.
 */
@Document(ContractSummaryView.COLLECTION)
public record ContractSummaryView(@Id String id, String supplierId, String title, ContractType type,
                                  ContractStatus status, String currency, long version,
                                  Amount ordered, Amount delivered, Amount accepted, Amount paid,
                                  int openDisputes, int breaches, Amount totalPenalties,
                                  ScheduledMilestone nextMilestone, List<ScheduledMilestone> milestones,
                                  List<LineItem> lineItems, LocalDate signedOn, LocalDate expiresOn,
                                  Integer renewalNoticeDays, NextReminder nextReminder,
                                  Instant updatedAt, @JsonIgnore long lastSequence, long position) {

    public static final String COLLECTION = "contract_summaries";

    public ContractSummaryView {
        milestones = List.copyOf(milestones);
        lineItems = List.copyOf(lineItems);
        nextMilestone = status.isClosed() ? null : milestones.stream().filter(milestone -> !milestone.met())
                .min(Comparator.comparing(ScheduledMilestone::dueOn).thenComparing(ScheduledMilestone::milestoneId))
                .orElse(null);
    }

    ContractSummaryView applied(EventContext context) {
        return new ContractSummaryView(id, supplierId, title, type, status, currency, context.sequence(), ordered,
                delivered, accepted, paid, openDisputes, breaches, totalPenalties, nextMilestone, milestones,
                lineItems, signedOn, expiresOn, renewalNoticeDays, nextReminder, context.occurredAt(), context.sequence(),
                context.position());
    }

    ContractSummaryView withStatus(ContractStatus newStatus, LocalDate newSignedOn) {
        return new ContractSummaryView(id, supplierId, title, type, newStatus, currency, version, ordered, delivered,
                accepted, paid, openDisputes, breaches, totalPenalties, nextMilestone, milestones, lineItems,
                newSignedOn, expiresOn, renewalNoticeDays, nextReminder, updatedAt, lastSequence, position);
    }

    ContractSummaryView withTerms(String newTitle, List<LineItem> newLineItems, Amount newOrdered,
                                  List<ScheduledMilestone> newMilestones, LocalDate newExpiresOn,
                                  Integer newRenewalNoticeDays) {
        return new ContractSummaryView(id, supplierId, newTitle, type, status, currency, version, newOrdered,
                delivered, accepted, paid, openDisputes, breaches, totalPenalties, nextMilestone, newMilestones,
                newLineItems, signedOn, newExpiresOn, newRenewalNoticeDays, nextReminder, updatedAt, lastSequence,
                position);
    }

    ContractSummaryView withFulfilment(Amount newDelivered, Amount newAccepted, Amount newPaid,
                                       List<ScheduledMilestone> newMilestones) {
        return new ContractSummaryView(id, supplierId, title, type, status, currency, version, ordered, newDelivered,
                newAccepted, newPaid, openDisputes, breaches, totalPenalties, nextMilestone, newMilestones, lineItems,
                signedOn, expiresOn, renewalNoticeDays, nextReminder, updatedAt, lastSequence, position);
    }

    /**
     * The summary with its next reminder as of {@code today}: of an unmet milestone while the contract is open, of its
     * renewal notice or expiry while it is active.
     */
    ContractSummaryView asOf(LocalDate today, ReminderPolicy reminders) {
        Stream<PlannedReminder> milestoneReminders = status.isClosed() ? Stream.empty() : milestones.stream()
                .filter(milestone -> !milestone.met())
                .flatMap(milestone -> reminders.forMilestone(milestone.milestoneId(), milestone.dueOn()).stream());
        Stream<PlannedReminder> expiryReminders = status != ContractStatus.ACTIVE ? Stream.empty()
                : reminders.forExpiry(expiresOn, renewalNoticeDays).stream();
        NextReminder next = ReminderPolicy.next(Stream.concat(milestoneReminders, expiryReminders), today)
                .map(NextReminder::of).orElse(null);
        return new ContractSummaryView(id, supplierId, title, type, status, currency, version, ordered, delivered,
                accepted, paid, openDisputes, breaches, totalPenalties, nextMilestone, milestones, lineItems,
                signedOn, expiresOn, renewalNoticeDays, next, updatedAt, lastSequence, position);
    }

    ContractSummaryView withIssues(int newOpenDisputes, int newBreaches, Amount newTotalPenalties) {
        return new ContractSummaryView(id, supplierId, title, type, status, currency, version, ordered, delivered,
                accepted, paid, newOpenDisputes, newBreaches, newTotalPenalties, nextMilestone, milestones, lineItems,
                signedOn, expiresOn, renewalNoticeDays, nextReminder, updatedAt, lastSequence, position);
    }
}
