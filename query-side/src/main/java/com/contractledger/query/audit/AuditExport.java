package com.contractledger.query.audit;

import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the stored events in global order as the event store streams them, up to the newest event stored when the
 * export began: on Axon Server the stream never ends by itself, and events stored while an export runs are left to
 * the next one. Every {@code ledger.audit.export-page-size} events read, what was written is flushed (a page): memory
 * does not grow with the length of an export.
 */
@Component
class AuditExport {

    enum Format { NDJSON, CSV }

    /**
     * Which events: stored at or after {@code from} and before {@code to} (each optional) and, if given, those of one
     * contract, or those of a supplier and of every contract drafted with it.
     */
    record Selection(Instant from, Instant to, String contractId, String supplierId) {
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";
    static final List<String> CSV_COLUMNS = List.of("globalPosition", "aggregateType", "aggregateId", "sequence",
            "eventId", "type", "payloadType", "revision", "timestamp", "actor", "correlationId", "causationId",
            "reason", "previousHash", "hash", "payload", "metaData");

    /** How long the store may send nothing while events up to the export's end are still due. */
    private static final Duration SILENCE_LIMIT = Duration.ofMinutes(1);

    private final StoredEvents events;
    private final int pageSize;
    private final Counter pages;
    private final DistributionSummary pageRows;
    private final ObjectMapper json = LedgerJson.objectMapper();

    AuditExport(StoredEvents events, @Value("${ledger.audit.export-page-size:500}") int pageSize,
                ObjectProvider<MeterRegistry> meters) {
        this.events = events;
        this.pageSize = pageSize;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.pages = Counter.builder("ledger.audit.export.pages")
                .description("pages of events read from the event store by exports").register(registry);
        this.pageRows = DistributionSummary.builder("ledger.audit.export.page.rows")
                .description("events per page read by exports").register(registry);
    }

    void write(Selection selection, Format format, OutputStream out) throws IOException {
        TrackingToken end = events.head();
        // A supplier's contracts are learnt from their drafted events, which may be older than from.
        TrackingToken start = selection.from() == null || selection.supplierId() != null
                ? null : events.before(selection.from());
        Aggregates aggregates = new Aggregates(selection);
        if (format == Format.CSV) {
            out.write(csvLine(CSV_COLUMNS.stream()).getBytes(StandardCharsets.UTF_8));
        }
        int pageEvents = 0;
        if (end != null && (start == null || position(start) < position(end))) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.streamAfter(start)) {
                long position;
                do {
                    TrackedEventMessage<?> next = next(stream);
                    position = position(next.trackingToken());
                    if (next instanceof DomainEventMessage<?> event) {
                        StoredEvent stored = events.stored(event, position);
                        if (aggregates.include(stored) && within(selection, event.getTimestamp())) {
                            out.write(format == Format.CSV ? csv(stored) : ndjson(stored));
                        }
                    }
                    if (++pageEvents == pageSize) {
                        endPage(out, pageEvents);
                        pageEvents = 0;
                    }
                } while (position < position(end));
            }
        }
        endPage(out, pageEvents);
    }

    private void endPage(OutputStream out, int pageEvents) throws IOException {
        out.flush();
        pages.increment();
        pageRows.record(pageEvents);
    }

    private static TrackedEventMessage<?> next(BlockingStream<TrackedEventMessage<?>> stream) throws IOException {
        try {
            if (!stream.hasNextAvailable((int) SILENCE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new EventStoreException("the event store sent nothing for " + SILENCE_LIMIT
                        + " while the export still awaited events");
            }
            return stream.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the export was interrupted");
        }
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("a token without a position: " + token));
    }

    private static boolean within(Selection selection, Instant stored) {
        return (selection.from() == null || !stored.isBefore(selection.from()))
                && (selection.to() == null || stored.isBefore(selection.to()));
    }

    /** The aggregates an export is of; a supplier's contracts are learnt from their drafted events as they pass. */
    private final class Aggregates {

        private final Selection selection;
        private final Set<String> supplierContracts = new HashSet<>();

        Aggregates(Selection selection) {
            this.selection = selection;
        }

        boolean include(StoredEvent event) {
            if (selection.contractId() != null) {
                return StoredEvents.CONTRACT.equals(event.aggregateType())
                        && selection.contractId().equals(event.aggregateId());
            }
            if (selection.supplierId() == null) {
                return true;
            }
            if (ContractDraftedEvent.class.getName().equals(event.payloadType())
                    && selection.supplierId().equals(supplierIdIn(event.payloadBytes()))) {
                supplierContracts.add(event.aggregateId());
            }
            return StoredEvents.SUPPLIER.equals(event.aggregateType())
                    ? selection.supplierId().equals(event.aggregateId())
                    : supplierContracts.contains(event.aggregateId());
        }

        private String supplierIdIn(byte[] draftedPayload) {
            try {
                JsonNode supplierId = json.readTree(draftedPayload).get("supplierId");
                return supplierId == null ? null : supplierId.asText();
            } catch (IOException unreadable) {
                return null;
            }
        }
    }

    private byte[] ndjson(StoredEvent event) throws IOException {
        byte[] line = json.writeValueAsBytes(event);
        byte[] withNewline = Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }

    private byte[] csv(StoredEvent event) throws IOException {
        return csvLine(Stream.of(String.valueOf(event.globalPosition()), event.aggregateType(), event.aggregateId(),
                String.valueOf(event.sequence()), event.eventId(), event.type(), event.payloadType(), event.revision(),
                event.timestamp(), event.metaDataText("actor"), event.metaDataText("correlationId"),
                event.metaDataText("causationId"), event.metaDataText("reason"),
                event.metaDataText(HashChain.PREVIOUS_HASH), event.metaDataText(HashChain.HASH), event.payload(),
                json.writeValueAsString(event.metaData())))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. A field that a
     * spreadsheet would take for a formula (it begins with {@code = + - @}, a tab or a carriage return) gets a leading
     * apostrophe and quotes, as OWASP's CSV-injection rule says; NDJSON keeps every value exactly.
     */
    static String csvLine(Stream<String> fields) {
        return fields.map(AuditExport::csvField).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return "\"'" + value.replace("\"", "\"\"") + '"';
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
