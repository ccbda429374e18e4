package com.contractledger.shared;

import com.contractledger.api.contract.upcasting.ContractDeliveredEventUpcaster;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
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
}
