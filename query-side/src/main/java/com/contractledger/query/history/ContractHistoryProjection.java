package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Blocks;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.common.TermsFigures;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit history of every contract: one entry per stored event of the contract, set under the event's sequence
 * number, so nothing is dropped or merged and a replayed event sets the entry it already set. Entries are stored a
 * block of sequences to a document, so that a long history is read in one lookup of a few documents.
 */
@Component
@ProcessingGroup(ContractHistoryProjection.PROCESSING_GROUP)
public class ContractHistoryProjection extends Projection {

    public static final String PROCESSING_GROUP = "contract-history";
    public static final String COLLECTION = "contract_history";
    /** Entries per page when none is asked for, and at most. */
    public static final int PAGE_SIZE = 1_000;
    private static final int ENTRIES_PER_DOCUMENT = 100;
    /** 1: blocks of entries per document (0 was a document per entry). */
    private static final int LAYOUT = 1;

    private final Blocks<ContractHistoryEntry> entries;

    public ContractHistoryProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, null).layout(LAYOUT));
        entries = readModel.blocks(COLLECTION, ContractHistoryEntry.class, ENTRIES_PER_DOCUMENT,
                ContractHistoryEntry::fromBson);
    }

    /**
     * Every event whose payload belongs to the contract aggregate; supplier events pass through untouched. Entries are
     * written in one bulk per processor batch, which is what makes a replay fast.
     */
    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (!event.getClass().getPackageName().equals(ContractId.class.getPackageName())) {
            return;
        }
        EventContext context = EventContext.of(message);
        String type = event.getClass().getSimpleName().replaceFirst("Event$", "");
        entries.add(context.aggregateId(), context.sequence(), new ContractHistoryEntry(context.sequence(),
                context.eventId(), type, context.occurredAt(), context.actor(), context.reason(),
                context.correlationId(), summarize(event), changesOf(event)));
    }

    @QueryHandler
    public Optional<ContractHistoryView> handle(FindContractHistoryQuery query) {
        return entries.range(query.contractId(), query.after(), query.size()).map(range -> {
            List<ContractHistoryEntry> page = range.entries();
            Long reached = page.isEmpty() ? null : page.get(page.size() - 1).sequence();
            return new ContractHistoryView(query.contractId(), range.last(), page,
                    reached != null && reached < range.last() ? reached : null);
        });
    }

    private static List<FieldChange> changesOf(Object event) {
        if (event instanceof ContractAmendedEvent amended && amended.changes() != null) {
            return amended.changes();
        }
        if (event instanceof ContractRenewedEvent renewed && renewed.changes() != null) {
            return renewed.changes();
        }
        return List.of();
    }

    static String summarize(Object event) {
        if (event instanceof ContractDraftedEvent e) {
            return "Drafted %s contract \"%s\" with supplier %s worth %s %s".formatted(e.type(), e.terms().title(),
                    e.supplierId(), TermsFigures.orderedValue(e.terms()).toPlainString(), e.currency());
        }
        if (event instanceof ContractSignedEvent e) {
            return "Signed on %s by %s".formatted(e.signedOn(), String.join(", ", e.signatories()));
        }
        if (event instanceof ContractAmendedEvent e) {
            return "Amendment %d (%s): %s; %s".formatted(e.amendmentNumber(), e.reason(), e.description(),
                    count(e.changes(), "field change"));
        }
        if (event instanceof ContractDeliveredEvent e) {
            return "Delivery %s against %s on %s: %s delivered, %s accepted, %s rejected, worth %s%s".formatted(
                    e.deliveryId(), e.milestoneId(), e.deliveredOn(), sum(e.lines(), DeliveredLine::delivered),
                    sum(e.lines(), DeliveredLine::accepted), sum(e.lines(), DeliveredLine::rejected),
                    money(e.deliveredValue()), e.late() ? "; " + e.daysLate() + " days late" : "; on time");
        }
        if (event instanceof ContractPaymentRecordedEvent e) {
            return "Payment %s of %s on %s (total paid %s)".formatted(e.paymentId(), money(e.amount()), e.paidOn(),
                    money(e.totalPaid()));
        }
        if (event instanceof ContractMilestoneOverdueEvent e) {
            return "%s milestone %s due %s is overdue".formatted(e.kind(), e.milestoneId(), e.dueOn());
        }
        if (event instanceof ContractBreachedEvent e) {
            return "%s breach %s by %s: %s; penalty %s".formatted(e.type(), e.breachId(), e.responsibleParty(),
                    e.description(), money(e.penalty()));
        }
        if (event instanceof DisputeOpenedEvent e) {
            return "Dispute %s opened (%s), claim %s, recommended track %s".formatted(e.disputeId(), e.category(),
                    money(e.claimAmount()), e.recommendedTrack());
        }
        if (event instanceof DisputeEscalatedEvent e) {
            return "Dispute %s escalated from %s to %s: %s".formatted(e.disputeId(), e.from(), e.to(), e.reason());
        }
        if (event instanceof DisputeNoteAddedEvent e) {
            return "Note on dispute %s: %s (%s)".formatted(e.disputeId(), e.text(),
                    count(e.evidenceRefs(), "evidence reference"));
        }
        if (event instanceof DisputeResolvedEvent e) {
            return "Dispute %s resolved %s at %s, settlement %s".formatted(e.disputeId(), e.outcome(), e.stage(),
                    money(e.settlementAmount()));
        }
        if (event instanceof ContractRenewedEvent e) {
            return "Renewal %d: expiry %s → %s; %s".formatted(e.renewalNumber(), e.previousExpiresOn(),
                    e.newExpiresOn(), count(e.changes(), "field change"));
        }
        if (event instanceof ContractTerminatedEvent e) {
            return "Terminated effective %s: %s".formatted(e.effectiveOn(), e.reason());
        }
        if (event instanceof ContractExpiredEvent e) {
            return "Expired at the end of " + e.expiresOn();
        }
        if (event instanceof ContractCompletedEvent e) {
            return "Completed on " + e.completedOn();
        }
        return event.getClass().getSimpleName().replaceFirst("Event$", "");
    }

    private static String money(Money money) {
        return money == null ? "none" : money.toString();
    }

    private static String count(List<?> items, String noun) {
        int n = items == null ? 0 : items.size();
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String sum(List<DeliveredLine> lines, Function<DeliveredLine, BigDecimal> quantity) {
        return lines.stream().map(quantity).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
    }
}
