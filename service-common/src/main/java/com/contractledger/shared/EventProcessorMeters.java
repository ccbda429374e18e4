package com.contractledger.shared;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An event processor's meters under the names and tags of Axon's dimensional ones ({@code eventProcessor.*},
 * {@code processorName}, and {@code payloadType} for the counters and timers), each found once per payload type and
 * kept: Axon's own monitors build every meter's id and look it up in the registry at every event, four monitors
 * for each event of each processor. Capacity (the share of a thread the processor kept busy over the last ten
 * minutes) and latency (the age of the last event it took) are the processor's, whatever the payload.
 */
final class EventProcessorMeters implements MessageMonitor<Message<?>> {

    static final String PREFIX = "eventProcessor";
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final Tags processor;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, PayloadMeters> byPayloadType = new ConcurrentHashMap<>();
    private final SlidingTimeWindowReservoir busy;
    private final AtomicLong latencyMillis = new AtomicLong();

    EventProcessorMeters(String processorName, MeterRegistry registry, Clock clock) {
        this.processor = Tags.of("processorName", processorName);
        this.registry = registry;
        this.clock = clock;
        this.busy = new SlidingTimeWindowReservoir(WINDOW.toMillis(), TimeUnit.MILLISECONDS, clock);
        Gauge.builder(PREFIX + ".capacity", this, EventProcessorMeters::capacity).tags(processor).register(registry);
        Gauge.builder(PREFIX + ".latency", latencyMillis, AtomicLong::get).tags(processor).register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        PayloadMeters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersOf);
        meters.ingested.increment();
        if (message instanceof EventMessage<?> event) {
            latencyMillis.set(clock.wallTime() - event.getTimestamp().toEpochMilli());
        }
        long started = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed.increment();
                meters.success.increment();
                meters.successTimer.record(took(started), TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed.increment();
                meters.failure.increment();
                meters.failureTimer.record(took(started), TimeUnit.NANOSECONDS);
            }

            @Override
            public void reportIgnored() {
                meters.ignored.increment();
                meters.ignoredTimer.record(took(started), TimeUnit.NANOSECONDS);
            }

            private long took(long started) {
                long nanos = clock.monotonicTime() - started;
                busy.update(nanos);
                meters.all.record(nanos, TimeUnit.NANOSECONDS);
                return nanos;
            }
        };
    }

    private double capacity() {
        long busyNanos = busy.getMeasurements().stream().mapToLong(Long::longValue).sum();
        return (double) busyNanos / WINDOW.toNanos();
    }

    private PayloadMeters metersOf(Class<?> payloadType) {
        Tags tags = processor.and("payloadType", payloadType.getSimpleName());
        return new PayloadMeters(counter("ingestedCounter", tags), counter("processedCounter", tags),
                counter("successCounter", tags), counter("failureCounter", tags), counter("ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(PREFIX + "." + name, tags);
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(PREFIX + "." + name).distributionStatisticExpiry(WINDOW)
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(tags).register(registry);
    }

    private record PayloadMeters(Counter ingested, Counter processed, Counter success, Counter failure,
                                 Counter ignored, Timer all, Timer successTimer, Timer failureTimer,
                                 Timer ignoredTimer) {
    }
}
