package com.contractledger.api.contract.upcasting;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.contractledger.api.contract.upcasting.StoredRevision.stored;
import static com.contractledger.api.contract.upcasting.StoredRevision.upcast;
import static org.assertj.core.api.Assertions.assertThat;

/** A {@link ContractDeliveredEvent} stored at revision 1, before the inspector was recorded, loads as revision 2. */
class ContractDeliveredEventUpcasterTest {

    private final JacksonSerializer serializer = LedgerJson.serializer();
    private final ContractDeliveredEventUpcaster upcaster = new ContractDeliveredEventUpcaster();

    @Test
    void a_stored_revision_1_delivery_loads_as_revision_2_without_an_inspector() throws IOException {
        IntermediateEventRepresentation upcast = upcast(upcaster, stored(ContractDeliveredEvent.class, 3, "1",
                fixture("ContractDeliveredEvent-revision-1.json")));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        ContractDeliveredEvent event = serializer.deserialize(upcast.getData());
        assertThat(event).isEqualTo(new ContractDeliveredEvent(ContractId.of("ct-2026-001"), "dl-1", "d1",
                LocalDate.parse("2026-12-18"),
                List.of(new DeliveredLine("M8-30", new BigDecimal("6000"), new BigDecimal("5800"), new BigDecimal("200"))),
                "200 pcs thread defects", null, true, 3, Money.of("5400.00", "CNY"), false));
        assertThat(upcast.getAggregateIdentifier()).contains("ct-2026-001");
        assertThat(upcast.getSequenceNumber()).contains(3L);
    }

    @Test
    void a_revision_2_delivery_is_left_as_stored() {
        ContractDeliveredEvent current = new ContractDeliveredEvent(ContractId.of("ct-1"), "dl-1", "d1",
                LocalDate.parse("2026-12-18"), List.of(), null, "Li Wei", false, 0, Money.of("0.00", "CNY"), false);
        SerializedObject<byte[]> serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation read = upcast(upcaster, stored(ContractDeliveredEvent.class, 3, "2",
                serialized.getData()));
        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat((ContractDeliveredEvent) serializer.deserialize(read.getData())).isEqualTo(current);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = ContractDeliveredEventUpcasterTest.class.getResourceAsStream("/stored-events/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
