package com.contractledger.query.history;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.query.common.DeliveredTotals;
import com.contractledger.query.common.Phrase;
import com.contractledger.query.common.EventType;

import java.util.Collection;
import java.util.Map;

import static java.util.Map.entry;

/** What a history entry says of its event: a {@link Phrase} of the facts it names, and the English sentences. */
public final class HistoryPhrase {

    /** The English sentence of each phrase; each {name} is a fact of the entry. */
    public static final Map<String, String> ENGLISH = Map.ofEntries(
            entry("ContractDrafted", "Drafted {type} contract \"{title}\" with supplier {supplierId} worth {value}"),
            entry("ContractSigned", "Signed on {signedOn} by {signatories}"),
            entry("ContractAmended", "Amendment {amendmentNumber} ({reason}): {description}; changed fields: {changes}"),
            entry("ContractDelivered", "Delivery {deliveryId} against {milestoneId} on {deliveredOn}: {delivered} "
                    + "delivered, {accepted} accepted, {rejected} rejected, worth {value}; on time"),
            entry("ContractDeliveredLate", "Delivery {deliveryId} against {milestoneId} on {deliveredOn}: {delivered} "
                    + "delivered, {accepted} accepted, {rejected} rejected, worth {value}; {daysLate} days late"),
            entry("ContractPaymentRecorded", "Payment {paymentId} of {amount} on {paidOn} (total paid {totalPaid})"),
            entry("ContractMilestoneOverdue", "{kind} milestone {milestoneId} due {dueOn} is overdue"),
            entry("ContractMilestoneOverdueBackfilled", "{kind} milestone {milestoneId} due {dueOn} was already overdue "
                    + "when the contract was recorded"),
            entry("ContractBreached", "{type} breach {breachId} by {responsibleParty}: {description}; penalty {penalty}"),
            entry("DisputeOpened", "Dispute {disputeId} opened ({category}), claim {claim}, recommended track {track}"),
            entry("DisputeEscalated", "Dispute {disputeId} escalated from {from} to {to}: {reason}"),
            entry("DisputeNoteAdded", "Note on dispute {disputeId}: {text} (evidence references: {evidence})"),
            entry("DisputeResolved", "Dispute {disputeId} resolved {outcome} at {stage}, settlement {settlement}"),
            entry("ContractRenewed", "Renewal {renewalNumber}: expiry {previousExpiresOn} → {newExpiresOn}; "
                    + "changed fields: {changes}"),
            entry("ContractTerminated", "Terminated effective {effectiveOn}: {reason}"),
            entry("ContractExpired", "Expired at the end of {expiresOn}"),
            entry("ContractCompleted", "Completed on {completedOn}"),
            entry("ContractMilestoneApproaching", "Reminder ({daysBefore}-day notice): {kind} milestone {milestoneId} "
                    + "is due on {dueOn}"),
            entry("ContractRenewalNoticeDue", "Reminder: today, {decideBy}, is the last day to decide on renewal; the "
                    + "contract expires on {expiresOn} ({renewalNoticeDays} days' notice)"),
            entry("ContractExpiryApproaching", "Reminder ({daysBefore}-day notice): the contract expires on {expiresOn}"));

    private HistoryPhrase() {
    }

    /** The phrase of a contract's event; an event without one is named by its type alone. */
    static Phrase of(Object event) {
        if (event instanceof ContractDraftedEvent e) {
            return phrase("ContractDrafted", "type", e.type(), "title", e.terms().title(), "supplierId", e.supplierId(),
                    "value", e.terms().value().toPlainString() + " " + e.currency());
        }
        if (event instanceof ContractSignedEvent e) {
            return phrase("ContractSigned", "signedOn", e.signedOn(), "signatories", String.join(", ", e.signatories()));
        }
        if (event instanceof ContractAmendedEvent e) {
            return phrase("ContractAmended", "amendmentNumber", e.amendmentNumber(), "reason", e.reason(),
                    "description", e.description(), "changes", size(e.changes()));
        }
        if (event instanceof ContractDeliveredEvent e) {
            DeliveredTotals totals = DeliveredTotals.of(e.lines());
            Phrase delivery = phrase("ContractDelivered", "deliveryId", e.deliveryId(),
                    "milestoneId", e.milestoneId(), "deliveredOn", e.deliveredOn(),
                    "delivered", totals.delivered().toPlainString(), "accepted", totals.accepted().toPlainString(),
                    "rejected", totals.rejected().toPlainString(), "value", e.deliveredValue());
            return e.late() ? delivery.and("ContractDeliveredLate", "daysLate", e.daysLate()) : delivery;
        }
        if (event instanceof ContractPaymentRecordedEvent e) {
            return phrase("ContractPaymentRecorded", "paymentId", e.paymentId(), "amount", e.amount(),
                    "paidOn", e.paidOn(), "totalPaid", e.totalPaid());
        }
        if (event instanceof ContractMilestoneOverdueEvent e) {
            return phrase(e.backfilled() ? "ContractMilestoneOverdueBackfilled" : "ContractMilestoneOverdue",
                    "kind", e.kind(), "milestoneId", e.milestoneId(), "dueOn", e.dueOn());
        }
        if (event instanceof ContractBreachedEvent e) {
            return phrase("ContractBreached", "type", e.type(), "breachId", e.breachId(),
                    "responsibleParty", e.responsibleParty(), "description", e.description(),
                    "penalty", e.penalty());
        }
        if (event instanceof DisputeOpenedEvent e) {
            return phrase("DisputeOpened", "disputeId", e.disputeId(), "category", e.category(),
                    "claim", e.claimAmount(), "track", e.recommendedTrack());
        }
        if (event instanceof DisputeEscalatedEvent e) {
            return phrase("DisputeEscalated", "disputeId", e.disputeId(), "from", e.from(), "to", e.to(),
                    "reason", e.reason());
        }
        if (event instanceof DisputeNoteAddedEvent e) {
            return phrase("DisputeNoteAdded", "disputeId", e.disputeId(), "text", e.text(),
                    "evidence", size(e.evidenceRefs()));
        }
        if (event instanceof DisputeResolvedEvent e) {
            return phrase("DisputeResolved", "disputeId", e.disputeId(), "outcome", e.outcome(), "stage", e.stage(),
                    "settlement", e.settlementAmount());
        }
        if (event instanceof ContractRenewedEvent e) {
            return phrase("ContractRenewed", "renewalNumber", e.renewalNumber(),
                    "previousExpiresOn", e.previousExpiresOn(), "newExpiresOn", e.newExpiresOn(),
                    "changes", size(e.changes()));
        }
        if (event instanceof ContractTerminatedEvent e) {
            return phrase("ContractTerminated", "effectiveOn", e.effectiveOn(), "reason", e.reason());
        }
        if (event instanceof ContractExpiredEvent e) {
            return phrase("ContractExpired", "expiresOn", e.expiresOn());
        }
        if (event instanceof ContractCompletedEvent e) {
            return phrase("ContractCompleted", "completedOn", e.completedOn());
        }
        if (event instanceof ContractMilestoneApproachingEvent e) {
            return phrase("ContractMilestoneApproaching", "kind", e.kind(), "milestoneId", e.milestoneId(),
                    "daysBefore", e.daysBefore(), "dueOn", e.dueOn());
        }
        if (event instanceof ContractRenewalNoticeDueEvent e) {
            return phrase("ContractRenewalNoticeDue", "decideBy", e.decideBy(), "expiresOn", e.expiresOn(),
                    "renewalNoticeDays", e.renewalNoticeDays());
        }
        if (event instanceof ContractExpiryApproachingEvent e) {
            return phrase("ContractExpiryApproaching", "daysBefore", e.daysBefore(), "expiresOn", e.expiresOn());
        }
        return phrase(EventType.of(event.getClass()));
    }

    private static Phrase phrase(String key, Object... namesAndFacts) {
        return Phrase.of(key, namesAndFacts);
    }

    private static int size(Collection<?> items) {
        return items == null ? 0 : items.size();
    }
}
