package com.contractledger.query.milestone;

import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.MilestoneKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A delivery milestone or payment instalment of a contract. {@code amount} is set for payments only. The stored status
 * is what events said; {@link #asOf(LocalDate)} adds the calendar rule: unmet and due before today (UTC) is OVERDUE.
 * A milestone still unmet when its contract is terminated, expires or completes is CLOSED: nothing can meet it any
 * more, so it is neither upcoming nor overdue; {@code closedBy} says which end of the contract closed it.
 */
@Document(MilestoneView.COLLECTION)
public record MilestoneView(@Id @JsonIgnore String id, String contractId, String supplierId, String milestoneId,
                            MilestoneKind kind, LocalDate dueOn, String amount, String currency, Status status,
                            LocalDate metOn, Instant overdueSince, ContractStatus closedBy,
                            @JsonIgnore long lastSequence, long position) {

    public static final String COLLECTION = "milestones";

    public enum Status { UPCOMING, MET, OVERDUE, CLOSED }

    static String idOf(String contractId, MilestoneKind kind, String milestoneId) {
        return contractId + "/" + kind + "/" + milestoneId;
    }

    MilestoneView with(LocalDate newDueOn, String newAmount, Status newStatus, LocalDate newMetOn,
                       Instant newOverdueSince, long sequence, long newPosition) {
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, newDueOn, newAmount, currency,
                newStatus, newMetOn, newOverdueSince, closedBy, sequence, newPosition);
    }

    MilestoneView closed(ContractStatus contractStatus, long sequence, long newPosition) {
        return new MilestoneView(id, contractId, supplierId, milestoneId, kind, dueOn, amount, currency,
                Status.CLOSED, metOn, overdueSince, contractStatus, sequence, newPosition);
    }

    MilestoneView asOf(LocalDate today) {
        if (status == Status.UPCOMING && dueOn.isBefore(today)) {
            return new MilestoneView(id, contractId, supplierId, milestoneId, kind, dueOn, amount, currency,
                    Status.OVERDUE, metOn, overdueSince, closedBy, lastSequence, position);
        }
        return this;
    }
}
