package com.contractledger.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMetricsTest {

    private final ApplicationContextRunner application = new ApplicationContextRunner()
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withConfiguration(AutoConfigurations.of(MicrometerMetricsAutoConfiguration.class))
            .withUserConfiguration(AxonMetrics.class);

    @Test
    void dimensional_metrics_come_with_the_processors_meters_in_place_of_axons_module() {
        application.withPropertyValues("axon.metrics.micrometer.dimensional=true").run(context ->
                assertThat(context).getBean(MetricsConfigurerModule.class)
                        .isInstanceOf(AxonMetrics.DimensionalWithProcessorMeters.class));
    }

    @Test
    void without_dimensions_axons_own_module_is_left_as_it_is() {
        application.withPropertyValues("axon.metrics.micrometer.dimensional=false").run(context ->
                assertThat(context).getBean(MetricsConfigurerModule.class)
                        .isExactlyInstanceOf(MetricsConfigurerModule.class));
    }
}
