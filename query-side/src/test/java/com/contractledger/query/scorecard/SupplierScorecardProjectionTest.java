package com.contractledger.query.scorecard;

import com.contractledger.api.contract.*;
import com.contractledger.api.supplier.*;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed scenario. sup-001 has ct-1 and ct-2, sup-002 has ct-3.
 * Deliveries of sup-001: dl-1 6000 delivered / 5800 accepted, late; dl-2 4000 / 4000 on time; dl-3 2000 / 1700 late.
 * on-time rate = (3 − 2) ÷ 3 = 0.3333; quality pass rate = 11500 ÷ 12000 = 0.9583;
 * breaches LATE_DELIVERY ×2, QUALITY_NONCONFORMANCE ×1; disputes: 2 opened, 1 resolved → 1 open of 2.
 */
class SupplierScorecardProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final SupplierScorecardProjection projection = new SupplierScorecardProjection(mongo.template(),
            mongo.generations());
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void apply(TrackedEventMessage<?> message) {
        handlers.apply(message);
    }

    private static SupplierPerformanceEvaluatedEvent evaluated(String id, String periodEnd, PerformanceGrade grade) {
        LocalDate end = LocalDate.parse(periodEnd);
        return new SupplierPerformanceEvaluatedEvent(SupplierId.of("sup-001"), id, end.minusMonths(3).plusDays(1), end,
                new BigDecimal("0.92"), new BigDecimal("0.97"), new BigDecimal("6"), 88, grade, "...");
    }

    @Test
    void scorecard_figures_match_the_hand_computed_scenario_whatever_the_interleaving_and_redelivery() {
        List<TrackedEventMessage<?>> sup1 = List.of(
                events.of("sup-001", onboarded("sup-001", SupplierTier.GENERAL, "East China", "fasteners")),
                events.of("sup-001", new SupplierCreditAssessedEvent(SupplierId.of("sup-001"), CreditRating.BB, 58,
                        FactorAssessment.WEAK, FactorAssessment.FAIR, FactorAssessment.GOOD, CreditSource.AGENCY,
                        LocalDate.parse("2026-11-01"), true)),
                events.of("sup-001", new SupplierTierChangedEvent(SupplierId.of("sup-001"), SupplierTier.GENERAL,
                        SupplierTier.KEY, "sole source")),
                events.of("sup-001", evaluated("ev-2", "2026-09-30", PerformanceGrade.B)),
                events.of("sup-001", evaluated("ev-1", "2026-06-30", PerformanceGrade.C)));
        List<TrackedEventMessage<?>> ct1 = List.of(
                events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false)),
                events.of("ct-1", delivered("ct-1", "dl-2", "2026-12-14", 4000, 4000, 0, "3600.00", true)),
                events.of("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00")),
                events.of("ct-1", disputeOpened("ct-1", "dp-1")),
                events.of("ct-1", disputeResolved("ct-1", "dp-1")));
        List<TrackedEventMessage<?>> ct2 = List.of(
                events.of("ct-2", drafted("ct-2", "sup-001")),
                events.of("ct-2", delivered("ct-2", "dl-3", "2026-12-20", 2000, 1700, 5, "1700.00", false)),
                events.of("ct-2", breached("ct-2", "br-2", BreachType.LATE_DELIVERY, "40.00")),
                events.of("ct-2", breached("ct-2", "br-3", BreachType.QUALITY_NONCONFORMANCE, "0.00")),
                events.of("ct-2", disputeOpened("ct-2", "dp-2")));
        List<TrackedEventMessage<?>> ct3 = List.of(
                events.of("sup-002", onboarded("sup-002", SupplierTier.GENERAL, "North China", "bearings")),
                events.of("ct-3", drafted("ct-3", "sup-002")),
                events.of("ct-3", delivered("ct-3", "dl-9", "2026-12-10", 1000, 1000, 0, "850.00", true)));

        // Segments of a pooled processor: each aggregate in order, aggregates interleaved; some redelivered.
        List<TrackedEventMessage<?>> delivered = new ArrayList<>();
        delivered.addAll(ct2);
        delivered.addAll(ct1.subList(0, 3));
        delivered.addAll(sup1);
        delivered.addAll(ct3);
        delivered.addAll(ct1.subList(3, 6));
        delivered.addAll(ct1);
        delivered.addAll(sup1.subList(2, 5));
        delivered.forEach(this::apply);

        SupplierScorecardView card = projection.handle(new FindSupplierScorecardQuery("sup-001")).orElseThrow();
        assertThat(card.formulaVersion()).isEqualTo("1");
        assertThat(card.contracts()).isEqualTo(2);
        assertThat(card.deliveries()).isEqualTo(3);
        assertThat(card.lateDeliveries()).isEqualTo(2);
        assertThat(card.onTimeDeliveryRate()).isEqualByComparingTo("0.3333");
        assertThat(card.deliveredQuantity()).isEqualByComparingTo("12000");
        assertThat(card.acceptedQuantity()).isEqualByComparingTo("11500");
        assertThat(card.qualityPassRate()).isEqualByComparingTo("0.9583");
        assertThat(card.breaches()).isEqualTo(3);
        assertThat(card.breachesByType()).isEqualTo(Map.of(BreachType.LATE_DELIVERY, 2,
                BreachType.QUALITY_NONCONFORMANCE, 1));
        assertThat(card.disputesOpen()).isEqualTo(1);
        assertThat(card.disputesTotal()).isEqualTo(2);
        assertThat(card.creditRating()).isEqualTo(CreditRating.BB);
        assertThat(card.tier()).isEqualTo(SupplierTier.KEY);
        assertThat(card.grade()).isEqualTo(PerformanceGrade.B);
        assertThat(card.latestEvaluation().evaluationId()).isEqualTo("ev-2");
        assertThat(card.evaluations()).isEqualTo(2);

        SupplierScorecardView other = projection.handle(new FindSupplierScorecardQuery("sup-002")).orElseThrow();
        assertThat(other.onTimeDeliveryRate()).isEqualByComparingTo("1");
        assertThat(other.qualityPassRate()).isEqualByComparingTo("1");
        assertThat(projection.handle(new FindSupplierScorecardQuery("sup-404"))).isEmpty();
    }

    @Test
    void rates_are_absent_before_the_first_delivery() {
        apply(events.of("sup-001", onboarded("sup-001", SupplierTier.GENERAL, "East China", "fasteners")));
        SupplierScorecardView card = projection.handle(new FindSupplierScorecardQuery("sup-001")).orElseThrow();
        assertThat(card.deliveries()).isZero();
        assertThat(card.onTimeDeliveryRate()).isNull();
        assertThat(card.qualityPassRate()).isNull();
    }
}
