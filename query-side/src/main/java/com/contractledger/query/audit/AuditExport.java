package com.contractledger.query.audit;

import com.contractledger.api.serialization.HashChain;
import com.contractledger.api.serialization.LedgerJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the stored events in global order, page by page: a page of at most {@code ledger.audit.export-page-size}
 * rows is read, written and flushed before the next is read, so an export of any length holds one page in memory.
 */
@Component
class AuditExport {

    enum Format { NDJSON, CSV }

    /** Which events: stored timestamps in [from, to) and, if given, only these aggregates. */
    record Selection(String fromTimestamp, String toTimestamp, Set<String> aggregateIds) {
    }

    static final List<String> CSV_COLUMNS = List.of("globalPosition", "aggregateType", "aggregateId", "sequence",
            "eventId", "type", "payloadType", "revision", "timestamp", "actor", "correlationId", "causationId",
            "reason", "previousHash", "hash", "payload", "metaData");

    private final EventTable table;
    private final int pageSize;
    private final Counter pages;
    private final DistributionSummary pageRows;
    private final ObjectMapper json = LedgerJson.objectMapper();

    AuditExport(EventTable table, @Value("${ledger.audit.export-page-size:500}") int pageSize,
                ObjectProvider<MeterRegistry> meters) {
        this.table = table;
        this.pageSize = pageSize;
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        this.pages = Counter.builder("ledger.audit.export.pages")
                .description("pages of events read from the event store by exports").register(registry);
        this.pageRows = DistributionSummary.builder("ledger.audit.export.page.rows")
                .description("events per page read by exports").register(registry);
    }

    void write(Selection selection, Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            out.write(csvLine(CSV_COLUMNS.stream()).getBytes(StandardCharsets.UTF_8));
        }
        long after = 0;
        while (true) {
            List<StoredEvent> page = table.page(after, pageSize, selection.fromTimestamp(), selection.toTimestamp(),
                    selection.aggregateIds());
            pages.increment();
            pageRows.record(page.size());
            for (StoredEvent event : page) {
                out.write(format == Format.CSV ? csv(event) : ndjson(event));
                after = event.globalPosition();
            }
            out.flush();
            if (page.size() < pageSize) {
                return;
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
        JsonNode metaData = json.readTree(event.metaData());
        return csvLine(Stream.of(String.valueOf(event.globalPosition()), event.aggregateType(), event.aggregateId(),
                String.valueOf(event.sequence()), event.eventId(), event.type(), event.payloadType(), event.revision(),
                event.timestamp(), text(metaData, "actor"), text(metaData, "correlationId"),
                text(metaData, "causationId"), text(metaData, "reason"), text(metaData, HashChain.PREVIOUS_HASH),
                text(metaData, HashChain.HASH), event.payload(), event.metaData()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; lines end in CRLF. */
    static String csvLine(Stream<String> fields) {
        return fields.map(AuditExport::csvField).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
