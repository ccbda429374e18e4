package com.contractledger.api.contract.upcasting;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.PaymentSchedule;
import com.contractledger.api.serialization.LedgerJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.ContextAwareSingleEventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link ContractPaymentRecordedEvent}, {@link ContractAmendedEvent} and {@link ContractRenewedEvent} revision 1 → 2:
 * adds {@code coveredInstalments}, the instalments the total paid covers after the event under the schedule then in
 * force, by the aggregate's rule ({@link PaymentSchedule}). One event does not say that, so the upcaster follows each
 * contract through the stream it upcasts: its schedule (drafted, amended, renewed) and its total paid (payments). A
 * stream that starts after a contract's first event (a processor resuming from a token) meets a revision-1 event of a
 * contract it has not followed; the upcaster then reads that contract's earlier events from the event store, once per
 * stream. A contract is forgotten once it is closed or its events are at revision 2 (all later ones are too).
 */
public class CoveredInstalmentsUpcaster extends ContextAwareSingleEventUpcaster<Map<String, CoveredInstalmentsUpcaster.Payments>> {

    /** A contract's stored events before a sequence number, upcast and deserialized: their payloads in order. */
    @FunctionalInterface
    public interface ContractHistory {
        Stream<?> payloadsBefore(String contractId, long sequenceNumber);
    }

    private static final String REVISION_1 = "1";
    private static final String REVISION_2 = "2";
    private static final Set<String> UPCAST = Set.of(ContractPaymentRecordedEvent.class.getTypeName(),
            ContractAmendedEvent.class.getTypeName(), ContractRenewedEvent.class.getTypeName());
    private static final Set<String> CLOSING = Set.of(ContractCompletedEvent.class.getTypeName(),
            ContractTerminatedEvent.class.getTypeName(), ContractExpiredEvent.class.getTypeName());
    private static final String DRAFTED = ContractDraftedEvent.class.getTypeName();
    private static final ObjectMapper JSON = LedgerJson.objectMapper();

    private final ContractHistory history;

    public CoveredInstalmentsUpcaster(ContractHistory history) {
        this.history = history;
    }

    @Override
    protected Map<String, Payments> buildContext() {
        return new HashMap<>();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation, Map<String, Payments> contracts) {
        String type = representation.getType().getName();
        return representation.getAggregateIdentifier().isPresent()
                && (type.equals(DRAFTED) || UPCAST.contains(type) || CLOSING.contains(type));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation,
                                                       Map<String, Payments> contracts) {
        String contractId = representation.getAggregateIdentifier().orElseThrow();
        String type = representation.getType().getName();
        if (type.equals(DRAFTED)) {
            contracts.put(contractId, new Payments().apply(payload(representation, ContractDraftedEvent.class)));
            return representation;
        }
        if (CLOSING.contains(type) || !REVISION_1.equals(representation.getType().getRevision())) {
            contracts.remove(contractId);
            return representation;
        }
        Payments payments = contracts.computeIfAbsent(contractId, id -> Payments.of(
                history.payloadsBefore(id, representation.getSequenceNumber().orElseThrow())));
        List<String> covered = payments.apply(payload(representation, classOf(type))).covered();
        return representation.upcastPayload(new SimpleSerializedType(type, REVISION_2), JsonNode.class, payload -> {
            ((ObjectNode) payload).set("coveredInstalments", JSON.valueToTree(covered));
            return payload;
        });
    }

    private static Class<?> classOf(String type) {
        return type.equals(ContractPaymentRecordedEvent.class.getTypeName()) ? ContractPaymentRecordedEvent.class
                : type.equals(ContractAmendedEvent.class.getTypeName()) ? ContractAmendedEvent.class
                : ContractRenewedEvent.class;
    }

    private static Object payload(IntermediateEventRepresentation representation, Class<?> type) {
        try {
            return JSON.treeToValue(representation.getData(JsonNode.class).getData(), type);
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot read " + representation.getType() + " of contract "
                    + representation.getAggregateIdentifier().orElse(null), e);
        }
    }

    /** What the coverage of one contract depends on: the schedule in force and the total paid. */
    static final class Payments {

        private PaymentSchedule schedule = new PaymentSchedule(List.of());
        private BigDecimal totalPaid = BigDecimal.ZERO;

        static Payments of(Stream<?> events) {
            Payments payments = new Payments();
            events.forEach(payments::apply);
            return payments;
        }

        Payments apply(Object event) {
            if (event instanceof ContractDraftedEvent e) {
                scheduled(e.terms());
            } else if (event instanceof ContractAmendedEvent e) {
                scheduled(e.terms());
            } else if (event instanceof ContractRenewedEvent e) {
                scheduled(e.terms());
            } else if (event instanceof ContractPaymentRecordedEvent e) {
                totalPaid = e.totalPaid().amount();
            }
            return this;
        }

        private void scheduled(ContractTerms terms) {
            schedule = PaymentSchedule.of(terms);
        }

        List<String> covered() {
            return schedule.coveredBy(totalPaid);
        }
    }
}
