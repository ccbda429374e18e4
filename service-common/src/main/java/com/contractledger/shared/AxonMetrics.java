package com.contractledger.shared;

import io.micrometer.core.instrument.Clock;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional metrics for every component (commands and queries by payload type, the event store by event
 * type), with {@link EventProcessorMeters} for the event processors. Replaces the module Axon's auto-configuration
 * would register, whatever {@code axon.metrics.micrometer.dimensional} says.
 */
@Configuration
class AxonMetrics {

    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        return new MetricsConfigurerModule(metrics, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitorOf(metrics, componentType, componentName));
            }
        };
    }

    // Axon's monitors are made for the messages of the component they monitor, which is all it hands them
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitorOf(GlobalMetricRegistry metrics, Class<?> componentType,
                                                        String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return new EventProcessorMeters(componentName, metrics.getRegistry(), Clock.SYSTEM);
        }
        return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType, componentName);
    }
}
