package com.contractledger.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.serialization.LedgerJson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads Axon's JDBC event table ({@code DomainEventEntry}) as stored: the raw payload and metadata and the global
 * position, which Axon's {@code DomainEventMessage} does not carry.
 */
@Repository
class EventTable {

    static final String CONTRACT = "Contract";
    static final String SUPPLIER = "SupplierRelationship";

    private static final String COLUMNS = "globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier, "
            + "payloadType, payloadRevision, timeStamp, payload, metaData";
    private static final RowMapper<StoredEvent> ROW = (row, index) -> new StoredEvent(row.getLong("globalIndex"),
            row.getString("type"), row.getString("aggregateIdentifier"), row.getLong("sequenceNumber"),
            row.getString("eventIdentifier"), row.getString("payloadType"), row.getString("payloadRevision"),
            row.getString("timeStamp"), row.getBytes("payload"), row.getBytes("metaData"));

    private final ObjectProvider<JdbcTemplate> jdbcTemplate;
    private final ObjectMapper json = LedgerJson.objectMapper();

    /** No JDBC database where the events are in Axon Server (profile {@code axonserver} of the query side). */
    EventTable(ObjectProvider<JdbcTemplate> jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    private JdbcTemplate jdbc() {
        JdbcTemplate jdbc = jdbcTemplate.getIfAvailable();
        if (jdbc == null) {
            throw new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED,
                    "the audit trail is read from Axon's JDBC event table, and this deployment has none");
        }
        return jdbc;
    }

    /** The events of one aggregate in sequence order, handed over one at a time. */
    void forEachOf(String aggregateType, String aggregateId, Consumer<StoredEvent> consumer) {
        jdbc().query("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE aggregateIdentifier = ? AND type = ?"
                        + " ORDER BY sequenceNumber",
                row -> {
                    consumer.accept(ROW.mapRow(row, 0));
                }, aggregateId, aggregateType);
    }

    List<StoredEvent> of(String aggregateType, String aggregateId) {
        List<StoredEvent> events = new ArrayList<>();
        forEachOf(aggregateType, aggregateId, events::add);
        return events;
    }

    /**
     * At most {@code limit} events after {@code afterGlobalIndex} in global order, within the time range (stored
     * timestamps compare as text: Axon writes them in one fixed-width UTC form) and, if given, of these aggregates.
     */
    List<StoredEvent> page(long afterGlobalIndex, int limit, String fromTimestamp, String toTimestamp,
                           Set<String> aggregateIds) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM DomainEventEntry WHERE globalIndex > ?");
        List<Object> arguments = new ArrayList<>(List.of(afterGlobalIndex));
        if (fromTimestamp != null) {
            sql.append(" AND timeStamp >= ?");
            arguments.add(fromTimestamp);
        }
        if (toTimestamp != null) {
            sql.append(" AND timeStamp < ?");
            arguments.add(toTimestamp);
        }
        if (aggregateIds != null) {
            sql.append(" AND aggregateIdentifier IN (").append(String.join(",", aggregateIds.stream().map(id -> "?").toList()))
                    .append(")");
            arguments.addAll(aggregateIds);
        }
        sql.append(" ORDER BY globalIndex LIMIT ?");
        arguments.add(limit);
        return jdbc().query(sql.toString(), ROW, arguments.toArray());
    }

    /** The contracts drafted with a supplier, from the supplier id in their {@code ContractDraftedEvent}. */
    Set<String> contractsOf(String supplierId) {
        Set<String> contracts = new LinkedHashSet<>();
        jdbc().query("SELECT aggregateIdentifier, payload FROM DomainEventEntry WHERE payloadType = ?", row -> {
            if (supplierId.equals(supplierIdIn(row.getBytes("payload")))) {
                contracts.add(row.getString("aggregateIdentifier"));
            }
        }, ContractDraftedEvent.class.getName());
        return contracts;
    }

    private String supplierIdIn(byte[] draftedPayload) {
        try {
            JsonNode supplierId = json.readTree(draftedPayload).get("supplierId");
            return supplierId == null ? null : supplierId.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
