package com.contractledger.shared;

import io.micrometer.core.instrument.Clock;
import org.axonframework.config.Configurer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's dimensional metrics for every component (commands and queries by payload type, the event store by event
 * type), with {@link MessageMeters} for the event processors and the command and query buses, in place of the module
 * Axon's auto-configuration registers. With {@code axon.metrics.micrometer.dimensional: false} Axon's own module is left as it is.
 */
@Configuration
@ConditionalOnProperty(name = "axon.metrics.micrometer.dimensional", havingValue = "true")
class AxonMetrics {

    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry metrics) {
        return new DimensionalWithProcessorMeters(metrics);
    }

    static final class DimensionalWithProcessorMeters extends MetricsConfigurerModule {

        private final GlobalMetricRegistry metrics;

        DimensionalWithProcessorMeters(GlobalMetricRegistry metrics) {
            super(metrics, true);
            this.metrics = metrics;
        }

        @Override
        public void configureModule(Configurer configurer) {
            configurer.configureMessageMonitor(configuration -> this::monitorOf);
        }

        // Axon's monitors are made for the messages of the component they monitor, which is all it hands them
        @SuppressWarnings("unchecked")
        private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName) {
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return MessageMeters.eventProcessor(componentName, metrics.getRegistry(), Clock.SYSTEM);
            }
            if (CommandBus.class.isAssignableFrom(componentType) || QueryBus.class.isAssignableFrom(componentType)) {
                return MessageMeters.bus(componentName, metrics.getRegistry(), Clock.SYSTEM);
            }
            return (MessageMonitor<Message<?>>) metrics.registerComponentWithDefaultTags(componentType, componentName);
        }
    }
}
