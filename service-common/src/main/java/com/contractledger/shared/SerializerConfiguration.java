package com.contractledger.shared;

import com.contractledger.api.contract.upcasting.ContractDeliveredEventUpcaster;
import com.contractledger.api.contract.upcasting.ContractMilestoneOverdueEventUpcaster;
import com.contractledger.api.contract.upcasting.FieldAddedUpcaster;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.fasterxml.jackson.databind.node.NullNode;
import com.contractledger.api.contract.upcasting.CoveredInstalmentsUpcaster;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Every stored message — events, snapshots, deadlines, tokens — in the one JSON form of {@link LedgerJson}, and the
 * upcasters that read old event revisions (Axon's auto-configuration adds every {@link EventUpcaster} bean to the
 * event store's upcaster chain).
 */
@Configuration
class SerializerConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        return LedgerJson.serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return LedgerJson.serializer();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return LedgerJson.serializer();
    }

    @Bean
    EventUpcaster contractDeliveredEventUpcaster() {
        return new ContractDeliveredEventUpcaster();
    }

    @Bean
    EventUpcaster contractMilestoneOverdueEventUpcaster() {
        return new ContractMilestoneOverdueEventUpcaster();
    }

    /** Revision 1 did not record when the rectification was requested. */
    @Bean
    EventUpcaster rectificationRequestedEventUpcaster() {
        return new FieldAddedUpcaster(RectificationRequestedEvent.class, "1", "requestedOn", NullNode.getInstance());
    }

    /** Revision 1 did not record when the rectification was closed. */
    @Bean
    EventUpcaster rectificationCompletedEventUpcaster() {
        return new FieldAddedUpcaster(RectificationCompletedEvent.class, "1", "completedOn", NullNode.getInstance());
    }

    /**
     * Reads a contract's earlier events through the event store, which is built with this upcaster in its chain, so
     * it is looked up when first needed.
     */
    @Bean
    EventUpcaster coveredInstalmentsUpcaster(ObjectProvider<EventStore> eventStore) {
        return new CoveredInstalmentsUpcaster((contractId, sequenceNumber) -> eventStore.getObject()
                .readEvents(contractId, 0).asStream()
                .filter(event -> event.getSequenceNumber() < sequenceNumber)
                .map(Message::getPayload));
    }
}
