package com.contractledger.app;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static com.contractledger.app.LedgerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event a projection cannot apply is parked, with its cause, and so are the later events of its aggregate, while
 * the projection goes on with every other aggregate; the administration, the metrics and health say so. The event is
 * one the API now refuses (a date no MongoDB document can hold), stored as an older version could have stored it.
 */
class DeadLettersIT {

    @TempDir
    Path dataDir;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void an_event_a_projection_cannot_apply_is_parked_and_the_projection_goes_on() throws Exception {
        // no aggregate cache: the supplier is written to behind the command side's back, and then written to again
        try (LedgerProcess ledger = LedgerProcess.start(dataDir, "--ledger.aggregate-cache=false")) {
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-parked")).status()).isEqualTo(201);
            assertThat(ledger.post("buyer", "/api/suppliers", supplier("sup-fine")).status()).isEqualTo(201);
            ledger.bean(EventStore.class).publish(new GenericDomainEventMessage<>("SupplierRelationship", "sup-parked",
                    1, new SupplierCreditAssessedEvent(SupplierId.of("sup-parked"), CreditRating.BB, 58,
                    FactorAssessment.WEAK, FactorAssessment.FAIR, FactorAssessment.GOOD, CreditSource.AGENCY,
                    LocalDate.of(999_999_999, 12, 31), true)));
            assertThat(ledger.post("buyer", "/api/suppliers/sup-parked/tier",
                    "{\"tier\": \"KEY\", \"reason\": \"sole source\"}").status()).isEqualTo(202);
            assertThat(ledger.post("buyer", "/api/suppliers/sup-fine/credit-assessments", LOW_CREDIT).status())
                    .isEqualTo(201);

            // the other supplier's profile moves on
            eventually(Duration.ofSeconds(30), () -> assertThat(
                    ledger.get("buyer", "/api/suppliers/sup-fine").body()).contains("\"BB\""));
            // the parked supplier's later event waits behind the one that failed
            eventually(Duration.ofSeconds(30), () -> {
                JsonNode status = json.readTree(ledger.get("admin", "/api/admin/projections/supplier-profiles").body());
                assertThat(status.get("deadLetters").asLong()).isEqualTo(2);
            });
            assertThat(ledger.get("buyer", "/api/suppliers/sup-parked").body()).doesNotContain("\"KEY\"");

            JsonNode letters = json.readTree(ledger.get("admin",
                    "/api/admin/projections/supplier-profiles/dead-letters").body());
            assertThat(letters).hasSize(2);
            assertThat(letters.get(0).get("aggregateId").asText()).isEqualTo("sup-parked");
            assertThat(letters.get(0).get("type").asText()).isEqualTo("SupplierCreditAssessedEvent");
            assertThat(letters.get(0).get("cause").asText()).isNotBlank();
            assertThat(letters.get(1).get("type").asText()).isEqualTo("SupplierTierChangedEvent");

            RunningLedger.Reply health = ledger.get("admin", "/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(json.readTree(health.body()).get("status").asText()).isEqualTo("WARN");
            assertThat(json.readTree(health.body()).at("/components/readModels/details/supplier-profiles").asText())
                    .isEqualTo("2 dead letters");
            assertThat(ledger.get("admin", "/actuator/prometheus").body())
                    .containsPattern("ledger_projection_dead_letters\\{projection=\"supplier-profiles\"[^}]*} 2\\.0");

            // the cause is still there: a retry changes nothing and says so
            JsonNode retry = json.readTree(ledger.post("admin",
                    "/api/admin/projections/supplier-profiles/dead-letters/retry", "").body());
            assertThat(retry.get("sequencesApplied").asInt()).isZero();
            assertThat(retry.get("lettersWaiting").asLong()).isEqualTo(2);
            ViewConsistency.assertConsistent(ledger);
        }
    }
}
