package com.contractledger.shared;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

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
    private final BusyTime busy = new BusyTime(WINDOW);
    private final AtomicLong latencyMillis = new AtomicLong();

    EventProcessorMeters(String processorName, MeterRegistry registry, Clock clock) {
        this.processor = Tags.of("processorName", processorName);
        this.registry = registry;
        this.clock = clock;
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
                busy.add(second(), nanos);
                meters.all.record(nanos, TimeUnit.NANOSECONDS);
                return nanos;
            }
        };
    }

    private double capacity() {
        return (double) busy.total(second()) / WINDOW.toNanos();
    }

    private long second() {
        return TimeUnit.NANOSECONDS.toSeconds(clock.monotonicTime());
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

    /**
     * Busy time in one bucket per second of the window. Axon's capacity monitor keeps every handling's duration for the
     * whole window instead (ten minutes of a busy processor: millions of entries).
     */
    static final class BusyTime {

        private final int seconds;
        private final AtomicLongArray nanos;
        private final AtomicLongArray secondOf;

        BusyTime(Duration window) {
            seconds = Math.toIntExact(window.toSeconds());
            nanos = new AtomicLongArray(seconds);
            secondOf = new AtomicLongArray(seconds);
            for (int i = 0; i < seconds; i++) {
                secondOf.set(i, Long.MIN_VALUE);
            }
        }

        void add(long second, long busyNanos) {
            int bucket = (int) Math.floorMod(second, (long) seconds);
            if (secondOf.get(bucket) != second) {
                synchronized (this) {
                    if (secondOf.get(bucket) != second) {
                        nanos.set(bucket, 0);
                        secondOf.set(bucket, second);
                    }
                }
            }
            nanos.addAndGet(bucket, busyNanos);
        }

        /** The busy time of the window that ends with {@code second}. */
        long total(long second) {
            long total = 0;
            for (int bucket = 0; bucket < seconds; bucket++) {
                long age = second - secondOf.get(bucket);
                if (age >= 0 && age < seconds) {
                    total += nanos.get(bucket);
                }
            }
            return total;
        }
    }
}
