package com.contractledger.shared;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class MessageMetersTest {

    private record Drafted(String id) {
    }

    private record Signed(String id) {
    }

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(key -> null, clock);
    private final MessageMeters summaries = MessageMeters.eventProcessor("summaries", registry, clock);

    @Test
    void counts_and_times_each_payload_type_of_the_processor_under_axons_names() {
        handled(summaries, new Drafted("c-1"), 5, Outcome.SUCCESS);
        handled(summaries, new Drafted("c-2"), 7, Outcome.SUCCESS);
        handled(summaries, new Drafted("c-3"), 2, Outcome.FAILURE);
        handled(summaries, new Signed("c-1"), 1, Outcome.IGNORED);

        Tags drafted = Tags.of("processorName", "summaries", "payloadType", "Drafted");
        Tags signed = Tags.of("processorName", "summaries", "payloadType", "Signed");
        assertThat(count("eventProcessor.ingestedCounter", drafted)).isEqualTo(3);
        assertThat(count("eventProcessor.processedCounter", drafted)).isEqualTo(3);
        assertThat(count("eventProcessor.successCounter", drafted)).isEqualTo(2);
        assertThat(count("eventProcessor.failureCounter", drafted)).isEqualTo(1);
        assertThat(count("eventProcessor.ignoredCounter", drafted)).isZero();
        assertThat(count("eventProcessor.ingestedCounter", signed)).isEqualTo(1);
        assertThat(count("eventProcessor.processedCounter", signed)).isZero();
        assertThat(count("eventProcessor.ignoredCounter", signed)).isEqualTo(1);

        assertThat(registry.get("eventProcessor.successTimer").tags(drafted).timer().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.successTimer").tags(drafted).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(12.0);
        assertThat(registry.get("eventProcessor.failureTimer").tags(drafted).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(2.0);
        assertThat(registry.get("eventProcessor.allTimer").tags(drafted).timer().count()).isEqualTo(3);
        assertThat(registry.get("eventProcessor.allTimer").tags(signed).timer().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.ignoredTimer").tags(signed).timer().count()).isEqualTo(1);
    }

    @Test
    void a_processors_capacity_is_its_busy_share_of_the_last_ten_minutes_and_its_latency_the_age_of_its_last_event() {
        handled(summaries, new Drafted("c-1"), 60_000, Outcome.SUCCESS);
        handled(summaries, new Signed("c-1"), 60_000, Outcome.IGNORED);

        assertThat(gauge("eventProcessor.capacity")).isCloseTo(0.2, offset(1e-9));
        Instant taken = Instant.ofEpochMilli(clock.wallTime()).minusSeconds(90);
        summaries.onMessageIngested(event(new Signed("c-2"), taken)).reportSuccess();
        assertThat(gauge("eventProcessor.latency")).isEqualTo(90_000);

        clock.add(11, TimeUnit.MINUTES);
        assertThat(gauge("eventProcessor.capacity")).as("nothing handled in the last ten minutes").isZero();
    }

    @Test
    void a_bus_counts_times_and_measures_its_capacity_by_payload_type_under_axons_names() {
        MessageMeters commands = MessageMeters.bus("commandBus", registry, clock);
        handled(commands, new Drafted("c-1"), 60_000, Outcome.SUCCESS);
        handled(commands, new Drafted("c-2"), 30_000, Outcome.FAILURE);
        handled(commands, new Signed("c-1"), 6_000, Outcome.SUCCESS);

        Tags drafted = Tags.of("payloadType", "Drafted");
        Tags signed = Tags.of("payloadType", "Signed");
        assertThat(count("commandBus.successCounter", drafted)).isEqualTo(1);
        assertThat(count("commandBus.failureCounter", drafted)).isEqualTo(1);
        assertThat(count("commandBus.processedCounter", signed)).isEqualTo(1);
        assertThat(registry.get("commandBus.allTimer").tags(drafted).timer().totalTime(TimeUnit.SECONDS))
                .isEqualTo(90.0);
        assertThat(registry.get("commandBus.capacity").tags(drafted).gauge().value()).isCloseTo(0.15, offset(1e-9));
        assertThat(registry.get("commandBus.capacity").tags(signed).gauge().value()).isCloseTo(0.01, offset(1e-9));
        assertThat(registry.find("commandBus.latency").gauges()).as("a bus has no latency").isEmpty();
        assertThat(registry.find("eventProcessor.capacity").tags("processorName", "commandBus").gauges()).isEmpty();

        clock.add(11, TimeUnit.MINUTES);
        assertThat(registry.get("commandBus.capacity").tags(drafted).gauge().value()).isZero();
    }

    @Test
    void busy_time_counts_for_the_ten_minutes_after_it_was_spent_and_a_second_reuses_the_bucket_of_its_window() {
        MessageMeters.BusyTime busy = new MessageMeters.BusyTime(Duration.ofMinutes(10));
        busy.add(1_000, 5);
        busy.add(1_000, 7);
        busy.add(1_300, 11);

        assertThat(busy.total(1_000)).isEqualTo(12);
        assertThat(busy.total(1_599)).isEqualTo(23);
        assertThat(busy.total(1_600)).as("the first second left the window").isEqualTo(11);
        busy.add(1_600, 13);
        assertThat(busy.total(1_600)).as("its bucket now holds second 1,600 alone").isEqualTo(24);
        assertThat(busy.total(1_900)).isEqualTo(13);
        assertThat(busy.total(999)).as("nothing was spent before").isZero();
    }

    @Test
    void processors_keep_meters_of_their_own() {
        MessageMeters history = MessageMeters.eventProcessor("history", registry, clock);
        handled(summaries, new Drafted("c-1"), 1, Outcome.SUCCESS);
        handled(history, new Drafted("c-1"), 1, Outcome.SUCCESS);
        handled(history, new Drafted("c-2"), 1, Outcome.SUCCESS);

        assertThat(count("eventProcessor.successCounter", Tags.of("processorName", "summaries", "payloadType", "Drafted")))
                .isEqualTo(1);
        assertThat(count("eventProcessor.successCounter", Tags.of("processorName", "history", "payloadType", "Drafted")))
                .isEqualTo(2);
        assertThat(registry.get("eventProcessor.capacity").gauges()).hasSize(2);
    }

    private enum Outcome { SUCCESS, FAILURE, IGNORED }

    private void handled(MessageMeters meters, Object payload, long millis, Outcome outcome) {
        MonitorCallback callback = meters.onMessageIngested(event(payload, Instant.ofEpochMilli(clock.wallTime())));
        clock.add(millis, TimeUnit.MILLISECONDS);
        switch (outcome) {
            case SUCCESS -> callback.reportSuccess();
            case FAILURE -> callback.reportFailure(new IllegalStateException("refused"));
            case IGNORED -> callback.reportIgnored();
        }
    }

    private static GenericEventMessage<Object> event(Object payload, Instant timestamp) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(),
                timestamp);
    }

    private double count(String name, Tags tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private double gauge(String name) {
        return registry.get(name).tags("processorName", "summaries").gauge().value();
    }
}
