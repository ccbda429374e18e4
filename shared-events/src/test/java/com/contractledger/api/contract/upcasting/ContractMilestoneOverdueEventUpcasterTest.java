package com.contractledger.api.contract.upcasting;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.serialization.LedgerJson;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static com.contractledger.api.contract.upcasting.StoredRevision.stored;
import static com.contractledger.api.contract.upcasting.StoredRevision.upcast;
import static org.assertj.core.api.Assertions.assertThat;

/** An overdue milestone stored at revision 1, before backfilling existed, loads as raised by its deadline. */
class ContractMilestoneOverdueEventUpcasterTest {

    private static final String REVISION_1 = """
            {"contractId":"ct-2026-001","milestoneId":"d1","kind":"DELIVERY","dueOn":"2026-12-15",
             "overdueSince":"2026-12-16T00:00:00Z"}""";

    private final JacksonSerializer serializer = LedgerJson.serializer();
    private final ContractMilestoneOverdueEventUpcaster upcaster = new ContractMilestoneOverdueEventUpcaster();

    @Test
    void a_stored_revision_1_overdue_milestone_loads_as_not_backfilled() {
        IntermediateEventRepresentation upcast = upcast(upcaster, stored(ContractMilestoneOverdueEvent.class, 2, "1",
                REVISION_1.getBytes(StandardCharsets.UTF_8)));

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

        IntermediateEventRepresentation read = upcast(upcaster, stored(ContractMilestoneOverdueEvent.class, 2, "2",
                serialized.getData()));
        assertThat((ContractMilestoneOverdueEvent) serializer.deserialize(read.getData())).isEqualTo(current);
    }

}
