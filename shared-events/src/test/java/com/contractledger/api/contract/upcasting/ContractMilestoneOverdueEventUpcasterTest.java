package com.contractledger.api.contract.upcasting;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An overdue milestone stored at revision 1, before backfilling existed, loads as raised by its deadline. */
class ContractMilestoneOverdueEventUpcasterTest {

    private static final String REVISION_1 = """
            {"contractId":"ct-2026-001","milestoneId":"d1","kind":"DELIVERY","dueOn":"2026-12-15",
             "overdueSince":"2026-12-16T00:00:00Z"}""";

    private final JacksonSerializer serializer = LedgerJson.serializer();
    private final EventUpcasterChain upcasters = new EventUpcasterChain(new ContractMilestoneOverdueEventUpcaster());

    @Test
    void a_stored_revision_1_overdue_milestone_loads_as_not_backfilled() {
        IntermediateEventRepresentation upcast = upcast(stored("1", REVISION_1.getBytes(StandardCharsets.UTF_8)));

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((ContractMilestoneOverdueEvent) serializer.deserialize(upcast.getData())).isEqualTo(
                new ContractMilestoneOverdueEvent(ContractId.of("ct-2026-001"), "d1", MilestoneKind.DELIVERY,
                        LocalDate.parse("2026-12-15"), Instant.parse("2026-12-16T00:00:00Z"), false));
    }

    @Test
    void a_revision_2_backfilled_overdue_milestone_is_left_as_stored() {
        ContractMilestoneOverdueEvent current = new ContractMilestoneOverdueEvent(ContractId.of("ct-2026-001"), "d1",
                MilestoneKind.DELIVERY, LocalDate.parse("2026-12-15"), Instant.parse("2026-12-16T00:00:00Z"), true);
        SerializedObject<byte[]> serialized = serializer.serialize(current, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");

        IntermediateEventRepresentation read = upcast(stored("2", serialized.getData()));
        assertThat((ContractMilestoneOverdueEvent) serializer.deserialize(read.getData())).isEqualTo(current);
    }

    private IntermediateEventRepresentation upcast(GenericDomainEventEntry<byte[]> entry) {
        List<IntermediateEventRepresentation> result =
                upcasters.upcast(Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private static GenericDomainEventEntry<byte[]> stored(String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Contract", "ct-2026-001", 2, "event-1", "2026-12-16T00:00:00.000Z",
                ContractMilestoneOverdueEvent.class.getName(), revision, payload, "{}".getBytes());
    }
}
