package com.contractledger.query.milestone;

import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.query.common.NextReminder;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A delivery milestone or payment instalment of a contract. {@code amount} is set for payments only. The stored status
 * is what events said; {@link #asOf(LocalDate, ReminderPolicy)} adds the calendar rule: unmet and due before today
 * (UTC) is OVERDUE, and an upcoming milestone's next reminder. A milestone still unmet when its contract is
 * terminated, expires or completes is CLOSED: nothing can meet it any more, so it is neither upcoming nor overdue;
 * {@code closedBy} says which end of the contract closed it. {@code lastReminder} is the latest reminder raised for
 * the current due date.
 */
@Document(MilestoneView.COLLECTION)
public record MilestoneView(@Id @JsonIgnore String id, String contractId, String supplierId, String milestoneId,
                            MilestoneKind kind, LocalDate dueOn, String amount, String currency, Status status,
                            LocalDate metOn, Instant overdueSince, ContractStatus closedBy, Reminded lastReminder,
                            NextReminder nextReminder, @JsonIgnore long lastSequence, long position) {

    public static final String COLLECTION = "milestones";

    public enum Status { UPCOMING, MET, OVERDUE, CLOSED }

    /** A reminder raised {@code daysBefore} days ahead of the due date, at {@code at}. */
    public record Reminded(int daysBefore, Instant at) {
    }

    static String idOf(String contractId, MilestoneKind kind, String milestoneId) {
        return contractId + "/" + kind + "/" + milestoneId;
    }

    MilestoneView with(LocalDate newDueOn, String newAmount, Status newStatus, LocalDate newMetOn,
                       Instant newOverdueSince, long sequence, long newPosition) {
        Reminded reminded = newDueOn.equals(dueOn) ? lastReminder : null;
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, newDueOn, newAmount, currency,
                newStatus, newMetOn, newOverdueSince, closedBy, reminded, null, sequence, newPosition);
    }

    MilestoneView reminded(Reminded reminder, long sequence, long newPosition) {
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, dueOn, amount, currency, status, metOn,
                overdueSince, closedBy, reminder, null, sequence, newPosition);
    }

    MilestoneView closed(ContractStatus contractStatus, long sequence, long newPosition) {
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, dueOn, amount, currency,
                Status.CLOSED, metOn, overdueSince, contractStatus, lastReminder, null, sequence, newPosition);
    }

    MilestoneView asOf(LocalDate today, ReminderPolicy reminders) {
        Status current = status == Status.UPCOMING && dueOn.isBefore(today) ? Status.OVERDUE : status;
        NextReminder next = current != Status.UPCOMING ? null : ReminderPolicy
                .next(reminders.forMilestone(milestoneId, dueOn).stream(), today).map(NextReminder::of).orElse(null);
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, dueOn, amount, currency, current,
                metOn, overdueSince, closedBy, lastReminder, next, lastSequence, position);
    }
}
