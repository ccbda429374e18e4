package com.contractledger.api.contract.upcasting;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.api.supplier.SupplierId;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Payments, amendments and renewals stored at revision 1 load at revision 2 with the instalments covered after them,
 * as the aggregate would have decided: from the contract's events earlier in the stream, or, for a stream that starts
 * mid-contract, from its history in the event store.
 */
class CoveredInstalmentsUpcasterTest {

    private static final String CONTRACT = "ct-2026-001";
    private static final CoveredInstalmentsUpcaster.ContractHistory NO_HISTORY =
            (contractId, sequence) -> fail("history of " + contractId + " read");

    private final JacksonSerializer serializer = LedgerJson.serializer();

    @Test
    void a_stored_revision_1_payment_loads_with_the_instalment_it_covers_of_two_due_the_same_day() throws IOException {
        List<Object> read = upcast(NO_HISTORY,
                current(0, drafted(CONTRACT, instalment("p1b", "2027-01-15", "4000.00"),
                        instalment("p1a", "2027-01-15", "4500.00"))),
                stored(1, ContractPaymentRecordedEvent.class, "1", fixture("ContractPaymentRecordedEvent-revision-1.json")),
                revision1(2, paid(CONTRACT, "pay-2", "4000.00", "8500.00")));

        assertThat(read.get(1)).isEqualTo(new ContractPaymentRecordedEvent(ContractId.of(CONTRACT), "pay-1",
                Money.of("4500.00", "CNY"), LocalDate.parse("2027-01-10"), "BANK-7781", Money.of("4500.00", "CNY"),
                List.of("p1a")));
        assertThat(covered(read.get(2))).containsExactly("p1a", "p1b");
    }

    @Test
    void an_amendment_that_raises_a_covered_instalment_uncovers_it_and_later_payments_follow_the_amended_schedule() throws IOException {
        ContractTerms raised = terms(instalment("p1", "2027-01-15", "4500.00"), instalment("p2", "2027-02-15", "4000.00"));
        List<Object> read = upcast(NO_HISTORY,
                current(0, drafted(CONTRACT, instalment("p1", "2027-01-15", "4000.00"),
                        instalment("p2", "2027-02-15", "4500.00"))),
                revision1(1, paid(CONTRACT, "pay-1", "4000.00", "4000.00")),
                revision1(2, amended(raised)),
                revision1(3, paid(CONTRACT, "pay-2", "500.00", "4500.00")),
                revision1(4, renewed(terms(instalment("p1", "2027-01-15", "4500.00")))));

        assertThat(covered(read.get(1))).containsExactly("p1");
        assertThat(covered(read.get(2))).isEmpty();
        assertThat(covered(read.get(3))).containsExactly("p1");
        assertThat(covered(read.get(4))).containsExactly("p1");
        assertThat(((ContractAmendedEvent) read.get(2)).terms()).isEqualTo(raised);
    }

    @Test
    void contracts_interleaved_in_one_stream_are_followed_apart() throws IOException {
        List<Object> read = upcast(NO_HISTORY,
                current("ct-a", 0, drafted("ct-a", instalment("p1", "2027-01-15", "100.00"))),
                current("ct-b", 0, drafted("ct-b", instalment("p1", "2027-01-15", "900.00"))),
                revision1("ct-b", 1, paid("ct-b", "pay-1", "100.00", "100.00")),
                revision1("ct-a", 1, paid("ct-a", "pay-1", "100.00", "100.00")));

        assertThat(covered(read.get(2))).isEmpty();
        assertThat(covered(read.get(3))).containsExactly("p1");
    }

    @Test
    void a_stream_that_starts_mid_contract_reads_the_contracts_earlier_events_once() throws IOException {
        List<Long> reads = new ArrayList<>();
        CoveredInstalmentsUpcaster.ContractHistory history = (contractId, sequence) -> {
            assertThat(contractId).isEqualTo(CONTRACT);
            reads.add(sequence);
            return Stream.of(drafted(CONTRACT, instalment("p1", "2027-01-15", "4000.00")),
                    withCovered(paid(CONTRACT, "pay-1", "3000.00", "3000.00"), List.of()),
                    withCovered(amended(terms(instalment("p1", "2027-01-15", "3000.00"),
                            instalment("p2", "2027-02-15", "1000.00"))), List.of("p1")));
        };

        List<Object> read = upcast(history,
                revision1(3, paid(CONTRACT, "pay-2", "500.00", "3500.00")),
                revision1(4, paid(CONTRACT, "pay-3", "500.00", "4000.00")));

        assertThat(covered(read.get(0))).containsExactly("p1");
        assertThat(covered(read.get(1))).containsExactly("p1", "p2");
        assertThat(reads).containsExactly(3L);
    }

    @Test
    void a_revision_2_event_is_left_as_stored_and_needs_no_history() {
        ContractPaymentRecordedEvent current = withCovered(paid(CONTRACT, "pay-1", "1.00", "1.00"), List.of("p0"));

        List<Object> read = upcast(NO_HISTORY, current(5, current));

        assertThat(read).containsExactly(current);
    }

    @Test
    void a_closed_contract_is_forgotten() throws IOException {
        List<Long> reads = new ArrayList<>();
        CoveredInstalmentsUpcaster.ContractHistory history = (contractId, sequence) -> {
            reads.add(sequence);
            return Stream.of(drafted(CONTRACT, instalment("p1", "2027-01-15", "1.00")));
        };

        upcast(history, current(0, drafted(CONTRACT, instalment("p1", "2027-01-15", "1.00"))),
                current(1, new ContractCompletedEvent(ContractId.of(CONTRACT), LocalDate.parse("2027-01-10"))),
                revision1(2, paid(CONTRACT, "pay-1", "1.00", "1.00")));

        assertThat(reads).containsExactly(2L);
    }

    // ---- the stream ------------------------------------------------------------------------------------------

    private List<Object> upcast(CoveredInstalmentsUpcaster.ContractHistory history, GenericDomainEventEntry<?>... stored) {
        EventUpcasterChain chain = new EventUpcasterChain(new CoveredInstalmentsUpcaster(history));
        List<IntermediateEventRepresentation> read = chain.upcast(Stream.of(stored)
                .map(entry -> (IntermediateEventRepresentation) new InitialEventRepresentation(entry, serializer))).toList();
        read.forEach(event -> assertThat(event.getType().getRevision()).as(event.getType().getName())
                .isEqualTo(event.getType().getName().endsWith("DraftedEvent")
                        || event.getType().getName().endsWith("CompletedEvent") ? "1" : "2"));
        return read.stream().map(event -> (Object) serializer.deserialize(event.getData())).toList();
    }

    private GenericDomainEventEntry<byte[]> current(long sequence, Object event) {
        return current(CONTRACT, sequence, event);
    }

    private GenericDomainEventEntry<byte[]> current(String contractId, long sequence, Object event) {
        SerializedObject<byte[]> serialized = serializer.serialize(event, byte[].class);
        return entry(contractId, sequence, event.getClass(), serialized.getType().getRevision(), serialized.getData());
    }

    private GenericDomainEventEntry<byte[]> revision1(long sequence, Object event) throws IOException {
        return revision1(CONTRACT, sequence, event);
    }

    /** The event as revision 1 stored it: without {@code coveredInstalments}. */
    private GenericDomainEventEntry<byte[]> revision1(String contractId, long sequence, Object event) throws IOException {
        String current = new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
        String stored = current.replaceFirst(",\"coveredInstalments\":\\[[^]]*]", "");
        assertThat(stored).isNotEqualTo(current);
        return entry(contractId, sequence, event.getClass(), "1", stored.getBytes(StandardCharsets.UTF_8));
    }

    private static GenericDomainEventEntry<byte[]> stored(long sequence, Class<?> type, String revision, byte[] payload) {
        return entry(CONTRACT, sequence, type, revision, payload);
    }

    private static GenericDomainEventEntry<byte[]> entry(String contractId, long sequence, Class<?> type,
                                                         String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Contract", contractId, sequence, contractId + "-" + sequence,
                "2027-01-10T08:00:00.000Z", type.getName(), revision, payload, "{}".getBytes());
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = CoveredInstalmentsUpcasterTest.class.getResourceAsStream("/stored-events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    // ---- events ----------------------------------------------------------------------------------------------

    private static List<String> covered(Object event) {
        if (event instanceof ContractPaymentRecordedEvent e) {
            return e.coveredInstalments();
        }
        if (event instanceof ContractAmendedEvent e) {
            return e.coveredInstalments();
        }
        return ((ContractRenewedEvent) event).coveredInstalments();
    }

    private static ContractDraftedEvent drafted(String contractId, PaymentInstalment... schedule) {
        return new ContractDraftedEvent(ContractId.of(contractId), SupplierId.of("sup-001"), ContractType.GOODS,
                Currency.getInstance("CNY"), terms(schedule));
    }

    /** A placeholder covered set: revision 1 drops it, so what it says must not matter. */
    private static ContractPaymentRecordedEvent paid(String contractId, String paymentId, String amount, String total) {
        return new ContractPaymentRecordedEvent(ContractId.of(contractId), paymentId, Money.of(amount, "CNY"),
                LocalDate.parse("2027-01-10"), null, Money.of(total, "CNY"), List.of("placeholder"));
    }

    private static ContractPaymentRecordedEvent withCovered(ContractPaymentRecordedEvent e, List<String> covered) {
        return new ContractPaymentRecordedEvent(e.contractId(), e.paymentId(), e.amount(), e.paidOn(), e.reference(),
                e.totalPaid(), covered);
    }

    private static ContractAmendedEvent amended(ContractTerms terms) {
        return new ContractAmendedEvent(ContractId.of(CONTRACT), 1, AmendmentReason.SCHEDULE_CHANGE, "schedule",
                List.of(new FieldChange("paymentTerms", "before", "after")), terms, List.of("placeholder"));
    }

    private static ContractAmendedEvent withCovered(ContractAmendedEvent e, List<String> covered) {
        return new ContractAmendedEvent(e.contractId(), e.amendmentNumber(), e.reason(), e.description(), e.changes(),
                e.terms(), covered);
    }

    private static ContractRenewedEvent renewed(ContractTerms terms) {
        return new ContractRenewedEvent(ContractId.of(CONTRACT), 1, LocalDate.parse("2027-11-30"),
                LocalDate.parse("2028-11-30"), List.of(new FieldChange("expiresOn", "2027-11-30", "2028-11-30")), terms,
                List.of("placeholder"));
    }

    private static ContractTerms terms(PaymentInstalment... schedule) {
        return new ContractTerms("M8 bolts 2026",
                List.of(new LineItem("M8-30", "M8x30 bolt", new BigDecimal("10000"), "pcs", new BigDecimal("0.85"))),
                List.of(new DeliveryMilestone("d1", LocalDate.parse("2026-12-15"),
                        List.of(new MilestoneLine("M8-30", new BigDecimal("10000"))))),
                new PaymentTerms(30, List.of(schedule)), List.of(), null, null, LocalDate.parse("2026-12-01"),
                LocalDate.parse("2027-11-30"));
    }

    private static PaymentInstalment instalment(String id, String dueOn, String amount) {
        return new PaymentInstalment(id, LocalDate.parse(dueOn), new BigDecimal(amount));
    }
}
