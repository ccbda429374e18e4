package com.contractledger.query.risk;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.query.risk.SupplierRisk.Level;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.support.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk as a read model: the list by level and category, a change of level announced once, the risk of a past
 * instant, and events applied again.
 */
class SupplierRiskProjectionTest extends SupplierRiskFixture {

    @Test
    void the_list_holds_the_suppliers_at_or_above_a_level_riskiest_first() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.C);
        apply("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false));
        apply("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"));
        supplierWithSignedContract("sup-002", "ct-2", "springs");

        SupplierRiskPage medium = projection.handle(new FindSupplierRisksQuery(Level.MEDIUM, null, AT, 0, 20));
        SupplierRiskPage all = projection.handle(new FindSupplierRisksQuery(null, null, AT, 0, 20));
        SupplierRiskPage springs = projection.handle(new FindSupplierRisksQuery(null, "springs", AT, 0, 20));

        assertThat(medium.items()).extracting(SupplierRisk::supplierId).containsExactly("sup-001");
        assertThat(all.items()).extracting(SupplierRisk::supplierId).containsExactly("sup-001", "sup-002");
        assertThat(springs.items()).extracting(SupplierRisk::supplierId).containsExactly("sup-002");
        assertThat(all.total()).isEqualTo(2);
    }

    /**
     * LOW → MEDIUM with the late delivery; the downgrade to C and three breaches keep it MEDIUM (15 late + 2.14
     * rejected + 10 credit + 15 breaches + 5 dependence = 47.14) and announce nothing; a D evaluation (+5) makes it HIGH.
     */
    @Test
    void each_change_of_level_is_announced_once_with_the_event_that_made_it() throws Exception {
        changes.start();
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.BB);
        TrackedEventMessage<?> late = apply("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3,
                "5400.00", false));
        apply("ct-1", delivered("ct-1", "dl-2", "2026-12-19", 1000, 1000, 4, "900.00", false));
        apply("sup-001", new SupplierCreditAssessedEvent(SupplierId.of("sup-001"), CreditRating.C, 20,
                FactorAssessment.WEAK, FactorAssessment.WEAK, FactorAssessment.WEAK, CreditSource.AGENCY,
                LocalDate.parse("2026-12-19"), true));
        for (String breach : List.of("br-1", "br-2", "br-3")) {
            apply("ct-1", breached("ct-1", breach, BreachType.LATE_DELIVERY, "81.00"));
        }
        assertThat(risk("sup-001").score()).isEqualTo(47);
        TrackedEventMessage<?> high = apply("sup-001", new SupplierPerformanceEvaluatedEvent(SupplierId.of("sup-001"),
                "ev-1", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-15"), new BigDecimal("0.5"),
                new BigDecimal("0.9"), BigDecimal.TEN, 40, PerformanceGrade.D, "failing"));

        List<ReadModelChangeLog.Change> announced = changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10);
        List<JsonNode> levels = new ArrayList<>();
        for (ReadModelChangeLog.Change change : announced) {
            levels.add(new ObjectMapper().readTree(change.view()));
        }
        assertThat(levels).extracting(change -> change.get("from").asText() + "→" + change.get("to").asText())
                .containsExactly("LOW→MEDIUM", "MEDIUM→HIGH");
        assertThat(levels).extracting(change -> change.get("eventId").asText())
                .containsExactly(late.getIdentifier(), high.getIdentifier());
        assertThat(risk("sup-001").level()).isEqualTo(Level.HIGH);

        new ArrayList<>(applied).forEach(message -> handlers.apply(Events.replayed(message)));
        assertThat(changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10)).hasSize(2);
    }

    /**
     * The risk asked for a past instant, from the events stored up to it, equals the live figure computed when that
     * instant was now — evidence included — whatever happened after; before the supplier existed there is none.
     */
    @Test
    void the_risk_at_a_past_instant_is_the_live_figure_of_that_instant() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        supplierWithSignedContract("sup-002", "ct-2", "fasteners");
        credit("sup-001", CreditRating.BB);
        apply("ct-1", delivered("ct-1", "dl-1", "2026-11-18", 6000, 5800, 3, "5400.00", false));
        Instant then = applied.get(applied.size() - 1).getTimestamp();
        SupplierRisk live = projection.handle(FindSupplierRiskQuery.now("sup-001", then)).orElseThrow();

        apply("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"));
        apply("ct-1", disputeOpened("ct-1", "dp-1"));
        apply("ct-3", drafted("ct-3", "sup-002"));
        apply("ct-3", signed("ct-3"));
        credit("sup-001", CreditRating.CCC);
        assertThat(risk("sup-001").score()).isNotEqualTo(live.score());

        SupplierRisk past = projection.handle(new FindSupplierRiskQuery("sup-001", then, true)).orElseThrow();
        assertThat(past).isEqualTo(live);
        assertThat(factor(past, "dependence").value()).isEqualByComparingTo("0.5");
        Instant before = applied.get(0).getTimestamp().minusSeconds(1);
        assertThat(projection.handle(new FindSupplierRiskQuery("sup-001", before, true))).isEmpty();
    }

    @Test
    void events_applied_again_leave_the_figures_as_they_were() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.BB);
        apply("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false));
        apply("ct-1", disputeOpened("ct-1", "dp-1"));
        SupplierRisk before = risk("sup-001");

        new ArrayList<>(applied).forEach(message -> handlers.apply(Events.replayed(message)));

        assertThat(risk("sup-001")).isEqualTo(before);
    }
}
