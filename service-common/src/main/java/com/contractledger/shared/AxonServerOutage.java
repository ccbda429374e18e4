package com.contractledger.shared;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How a service behaves while Axon Server is away (profile axonserver): health stays answerable and says so, and the
 * event processors resume within {@code ledger.axonserver.resume-check} of its return.
 */
@Configuration
@ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
class AxonServerOutage {

    @Bean
    AxonServerConnectionHealth axonServerHealthIndicator(AxonServerConnectionManager connections,
                                                         @Value("${ledger.axonserver.while-away}") String whileAway) {
        return new AxonServerConnectionHealth(connections, whileAway);
    }

    @Bean
    ProcessorResumption processorResumption(AxonServerConnectionManager connections,
                                            EventProcessingConfiguration processing,
                                            @Value("${ledger.axonserver.resume-check:1s}") Duration interval) {
        return ProcessorResumption.of(() -> connections.isConnected(connections.getDefaultContext()), processing,
                interval);
    }
}
