package com.contractledger.command.contract;

import com.contractledger.api.contract.AddDisputeNoteCommand;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.command.common.Refusals;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots: the aggregate's state and deadline payloads survive serialization and keep enforcing the rules. */
@Tag(Refusals.TAG)
class ContractSnapshotTest extends ContractFixture {

    @Test
    void aggregate_state_survives_a_jackson_round_trip() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"),
                        paid("pay-1", "1000.00", "1000.00"), disputeOpened("dp-1"),
                        new ContractMilestoneOverdueEvent(CONTRACT, "d1", MilestoneKind.DELIVERY, date("2026-12-15"),
                                Instant.parse("2026-12-16T00:00:00Z"), false))
                .when(new AddDisputeNoteCommand(CONTRACT, "dp-1", "note", List.of(), null))
                .expectState(contract -> {
                    try {
                        String first = JSON.writeValueAsString(contract);
                        Contract restored = JSON.readValue(first, Contract.class);
                        String second = JSON.writeValueAsString(restored);
                        JsonNode tree = JSON.readTree(first);
                        assertThat(JSON.readTree(second)).isEqualTo(tree);
                        assertThat(tree.path("contractId").asText()).isEqualTo("ct-2026-001");
                        assertThat(tree.path("status").asText()).isEqualTo("ACTIVE");
                        assertThat(tree.path("terms").path("lineItems").get(0).path("unitPrice").decimalValue()).isEqualByComparingTo("0.90");
                        assertThat(tree.path("deliveries").path("accepted").path("d1").path("M8-30").decimalValue()).isEqualByComparingTo("5800");
                        assertThat(tree.path("breaches").path("recorded").path("br-1").path("penalty").path("amount").asText()).isEqualTo("81.00");
                        assertThat(tree.path("payments").path("totalPaid").path("amount").asText()).isEqualTo("1000.00");
                        assertThat(tree.path("disputes").path("byId").path("dp-1").path("stage").asText()).isEqualTo("NEGOTIATION");
                        assertThat(tree.path("notices").path("reportedOverdue").path("d1").asText()).isEqualTo("2026-12-15");
                        assertThat(tree.path("deliveries").path("recorded").path("dl-1").path("daysLate").asInt()).isEqualTo(3);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void deadline_payloads_survive_the_stored_message_serializer() {
        Serializer serializer = LedgerJson.serializer();
        MilestoneDue milestoneDue = new MilestoneDue("d1", date("2026-12-15"));
        ExpiryDue expiryDue = new ExpiryDue(date("2027-11-30"));

        SerializedObject<byte[]> storedMilestone = serializer.serialize(milestoneDue, byte[].class);
        SerializedObject<byte[]> storedExpiry = serializer.serialize(expiryDue, byte[].class);

        assertThat((Object) serializer.deserialize(storedMilestone)).isEqualTo(milestoneDue);
        assertThat((Object) serializer.deserialize(storedExpiry)).isEqualTo(expiryDue);
        assertThat(new String(storedMilestone.getData())).contains("\"dueOn\":\"2026-12-15\"");
    }

    @Test
    void a_restored_snapshot_still_enforces_the_rules() throws Exception {
        FixtureConfiguration<Contract> source = new AggregateTestFixture<>(Contract.class);
        List<String> snapshot = new ArrayList<>();
        source.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(), breachedEvent("br-1", "dl-1", "81.00"))
                .when(new TerminateContractCommand(CONTRACT, "x", null, null))
                .expectState(contract -> {
                    try {
                        snapshot.add(JSON.writeValueAsString(contract));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        Contract restored = JSON.readValue(snapshot.get(0), Contract.class);
        refused(fixture.givenState(() -> restored).when(designDelivery()), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }
}
