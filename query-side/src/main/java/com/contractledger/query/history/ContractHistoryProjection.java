package com.contractledger.query.history;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.Phrase;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Blocks;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.common.EventType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

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
    /** 2: entries name their phrase and its facts; 1: blocks of entries per document (0 was a document per entry). */
    private static final int LAYOUT = 2;

    private final Blocks<ContractHistoryEntry> entries;

    public ContractHistoryProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, null).layout(LAYOUT));
        entries = readModel.blocks(COLLECTION, ContractHistoryEntry.class, ENTRIES_PER_DOCUMENT,
                ContractHistoryEntry::toBson, ContractHistoryEntry::fromBson);
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
        String type = EventType.of(event.getClass());
        Phrase phrase = HistoryPhrase.of(event);
        entries.add(context.aggregateId(), context.sequence(), new ContractHistoryEntry(context.sequence(),
                context.eventId(), type, context.occurredAt(), context.actor(), context.reason(),
                context.correlationId(), phrase.in(HistoryPhrase.ENGLISH), phrase.key(), phrase.facts(),
                changesOf(event)));
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
}
