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
 * A component's message meters under the names and tags of Axon's dimensional ones, each found once per payload type
 * and kept: Axon's own monitors build every meter's id and look it up in the registry at every message, three or four
 * monitors for each message of each component. An event processor's ({@code eventProcessor.*}) are tagged with
 * {@code processorName}, its counters and timers with {@code payloadType} too, and its capacity (the share of a thread
 * it kept busy over the last ten minutes) and latency (the age of the last event it took) are the processor's,
 * whatever the payload. A bus's ({@code commandBus.*}, {@code queryBus.*}) are tagged with {@code payloadType}, its
 * capacity too.
 */
final class MessageMeters implements MessageMonitor<Message<?>> {

    static final String EVENT_PROCESSOR = "eventProcessor";
    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final String prefix;
    private final Tags component;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Class<?>, PayloadMeters> byPayloadType = new ConcurrentHashMap<>();
    // the component's busy time and the age of its last event: an event processor's; null for a bus
    private final BusyTime busy;
    private final AtomicLong latencyMillis;

    private MessageMeters(String prefix, Tags component, boolean perComponent, MeterRegistry registry, Clock clock) {
        this.prefix = prefix;
        this.component = component;
        this.registry = registry;
        this.clock = clock;
        this.busy = perComponent ? new BusyTime(WINDOW) : null;
        this.latencyMillis = perComponent ? new AtomicLong() : null;
        if (perComponent) {
            capacityGauge(busy, component);
            Gauge.builder(prefix + ".latency", latencyMillis, AtomicLong::get).tags(component).register(registry);
        }
    }

    static MessageMeters eventProcessor(String processorName, MeterRegistry registry, Clock clock) {
        return new MessageMeters(EVENT_PROCESSOR, Tags.of("processorName", processorName), true, registry, clock);
    }

    /** The meters of the command or query bus {@code busName} ({@code commandBus}, {@code queryBus}). */
    static MessageMeters bus(String busName, MeterRegistry registry, Clock clock) {
        return new MessageMeters(busName, Tags.empty(), false, registry, clock);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        PayloadMeters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersOf);
        meters.ingested.increment();
        if (latencyMillis != null && message instanceof EventMessage<?> event) {
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
                long now = clock.monotonicTime();
                long nanos = now - started;
                meters.busy.add(TimeUnit.NANOSECONDS.toSeconds(now), nanos);
                meters.all.record(nanos, TimeUnit.NANOSECONDS);
                return nanos;
            }
        };
    }

    private void capacityGauge(BusyTime busyTime, Tags tags) {
        Gauge.builder(prefix + ".capacity", busyTime, time -> (double) time.total(second()) / WINDOW.toNanos())
                .tags(tags).register(registry);
    }

    private long second() {
        return TimeUnit.NANOSECONDS.toSeconds(clock.monotonicTime());
    }

    private PayloadMeters metersOf(Class<?> payloadType) {
        Tags tags = component.and("payloadType", payloadType.getSimpleName());
        BusyTime payloadBusy = busy;
        if (payloadBusy == null) {
            payloadBusy = new BusyTime(WINDOW);
            capacityGauge(payloadBusy, tags);
        }
        return new PayloadMeters(counter("ingestedCounter", tags), counter("processedCounter", tags),
                counter("successCounter", tags), counter("failureCounter", tags), counter("ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags), payloadBusy);
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(prefix + "." + name, tags);
    }

    private Timer timer(String name, Tags tags) {
        return Timer.builder(prefix + "." + name).distributionStatisticExpiry(WINDOW)
                .publishPercentiles(0.5, 0.75, 0.95, 0.98, 0.99, 0.999).tags(tags).register(registry);
    }

    private record PayloadMeters(Counter ingested, Counter processed, Counter success, Counter failure,
                                 Counter ignored, Timer all, Timer successTimer, Timer failureTimer,
                                 Timer ignoredTimer, BusyTime busy) {
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
