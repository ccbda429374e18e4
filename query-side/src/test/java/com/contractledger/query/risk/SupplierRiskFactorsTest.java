package com.contractledger.query.risk;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.risk.SupplierRisk.Factor;
import com.contractledger.query.risk.SupplierRisk.Level;
import com.contractledger.query.common.Phrase;
import com.contractledger.query.common.PhraseBooks;
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
 * Hand-computed risk factors, formula version 1 (weights: on-time 15, on-time trend 10, rejection 15, rejection
 * trend 5, breaches 15, disputes 10, credit 10, rectifications 5, evaluation 5, certifications 5, dependence 5).
 */
class SupplierRiskFactorsTest extends SupplierRiskFixture {

    /**
     * The walkthrough's supplier: credit BB, one delivery three days late with 200 of 6000 rejected, a supplier breach,
     * sole supplier of its category. 15 (1 of 1 late) + 2.50 (3.33 % rejected of 20 %) + 5 (1 of 3 breaches) + 5 (BB)
     * + 5 (all of the category's spend) = 32.5 → 33, MEDIUM.
     */
    @Test
    void the_walkthroughs_supplier_is_medium_and_every_factor_names_its_events() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.BB);
        TrackedEventMessage<?> delivery = apply("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3,
                "5400.00", false));
        TrackedEventMessage<?> breach = apply("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"));

        SupplierRisk risk = risk("sup-001");

        assertThat(risk.score()).isEqualTo(33);
        assertThat(risk.level()).isEqualTo(Level.MEDIUM);
        assertThat(risk.formulaVersion()).isEqualTo("1");
        assertThat(risk.factors()).extracting(Factor::weight).containsOnly(15, 10, 15, 5, 15, 10, 10, 5, 5, 5, 5)
                .satisfies(weights -> assertThat(weights.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100));
        assertThat(factor(risk, "onTimeDelivery").contribution()).isEqualByComparingTo("15.00");
        assertThat(factor(risk, "onTimeDelivery").explanation()).isEqualTo("1 of the last 1 deliveries late");
        assertThat(factor(risk, "onTimeDelivery").evidence()).containsExactly(new Evidence("ct-1", 2,
                delivery.getIdentifier(), "ContractDelivered"));
        assertThat(factor(risk, "qualityRejection").contribution()).isEqualByComparingTo("2.50");
        assertThat(factor(risk, "breaches").contribution()).isEqualByComparingTo("5.00");
        assertThat(factor(risk, "breaches").evidence()).extracting(Evidence::eventId)
                .containsExactly(breach.getIdentifier());
        assertThat(factor(risk, "credit").contribution()).isEqualByComparingTo("5.00");
        assertThat(factor(risk, "dependence").value()).isEqualByComparingTo("1");
        assertThat(factor(risk, "dependence").evidence()).extracting(Evidence::type).containsExactly("ContractDrafted");
        assertThat(factor(risk, "onTimeTrend").contribution()).isEqualByComparingTo("0");
        assertThat(factor(risk, "certifications").contribution()).isEqualByComparingTo("0");
    }

    /** 5 on time, then 3 of 5 late: on-time 9 (0.6 × 15) and a trend from 100 % to 40 %, −0.6, beyond −0.5: 10. */
    @Test
    void a_falling_on_time_rate_raises_the_risk_even_before_the_rate_itself_is_bad() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        for (int i = 1; i <= 10; i++) {
            int daysLate = i > 5 && i % 2 == 0 ? 2 : 0;
            apply("ct-1", delivered("ct-1", "dl-" + i, "2026-11-%02d".formatted(i), 100, 100, daysLate, "85.00",
                    false));
        }

        SupplierRisk risk = risk("sup-001");

        assertThat(factor(risk, "onTimeDelivery").contribution()).isEqualByComparingTo("9.00");
        assertThat(factor(risk, "onTimeTrend").value()).isEqualByComparingTo("-0.6");
        assertThat(factor(risk, "onTimeTrend").contribution()).isEqualByComparingTo("10.00");
        assertThat(factor(risk, "onTimeTrend").explanation())
                .isEqualTo("on time 40% over the last 5 deliveries against 100% over the 5 before");
        assertThat(factor(risk, "onTimeTrend").evidence()).hasSize(3);
    }

    /** The last 5 better than the 5 before: no trend risk; rejections rising from 0 to 5 %: 5 × 0.05 ÷ 0.1 = 2.50. */
    @Test
    void an_improving_on_time_rate_adds_nothing_and_rising_rejections_add_their_share() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        for (int i = 1; i <= 10; i++) {
            apply("ct-1", delivered("ct-1", "dl-" + i, "2026-11-%02d".formatted(i), 100, i > 5 ? 95 : 100,
                    i <= 5 ? 1 : 0, "85.00", false));
        }

        SupplierRisk risk = risk("sup-001");

        assertThat(factor(risk, "onTimeTrend").value()).isEqualByComparingTo("1");
        assertThat(factor(risk, "onTimeTrend").contribution()).isEqualByComparingTo("0");
        assertThat(factor(risk, "qualityTrend").value()).isEqualByComparingTo("0.05");
        assertThat(factor(risk, "qualityTrend").contribution()).isEqualByComparingTo("2.50");
        assertThat(factor(risk, "qualityRejection").contribution()).isEqualByComparingTo("3.75");
    }

    @Test
    void only_the_suppliers_breaches_of_the_last_180_days_count() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        apply("ct-1", breach("br-old", ResponsibleParty.SUPPLIER, "2026-06-22"));
        apply("ct-1", breach("br-buyer", ResponsibleParty.BUYER, "2026-12-01"));
        TrackedEventMessage<?> counted = apply("ct-1", breach("br-1", ResponsibleParty.SUPPLIER, "2026-06-23"));

        Factor breaches = factor(risk("sup-001"), "breaches");

        assertThat(breaches.value()).isEqualByComparingTo("1");
        assertThat(breaches.evidence()).extracting(Evidence::eventId).containsExactly(counted.getIdentifier());
    }

    /** One open dispute in arbitration counts twice, (1 + 1) ÷ 4 × 10 = 5; a resolved one not at all. */
    @Test
    void open_disputes_count_and_arbitration_counts_double() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        apply("ct-1", disputeOpened("ct-1", "dp-1"));
        apply("ct-1", new DisputeEscalatedEvent(ContractId.of("ct-1"), "dp-1", DisputeStage.MEDIATION,
                DisputeStage.ARBITRATION, "no settlement"));
        apply("ct-1", disputeOpened("ct-1", "dp-2"));
        apply("ct-1", disputeResolved("ct-1", "dp-2"));

        Factor disputes = factor(risk("sup-001"), "disputes");

        assertThat(disputes.value()).isEqualByComparingTo("2");
        assertThat(disputes.contribution()).isEqualByComparingTo("5.00");
        assertThat(disputes.evidence()).extracting(Evidence::type).containsExactly("DisputeOpened",
                "DisputeEscalated");
    }

    /** A downgrade from A to BB: 0.5 for BB and 0.25 for the downgrade, 7.50, resting on both assessments. */
    @Test
    void a_credit_downgrade_adds_to_a_weak_rating() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.A);
        assertThat(factor(risk("sup-001"), "credit").contribution()).isEqualByComparingTo("0");
        credit("sup-001", CreditRating.BB);

        Factor credit = factor(risk("sup-001"), "credit");

        assertThat(credit.contribution()).isEqualByComparingTo("7.50");
        assertThat(credit.explanation()).isEqualTo("rated BB, downgraded from A");
        assertThat(credit.evidence()).extracting(Evidence::sequence).containsExactly(1L, 2L);
    }

    /** A failed rectification and an overdue one: 2 ÷ 2 × 5 = 5; one completed and one not yet due add nothing. */
    @Test
    void failed_and_overdue_rectifications_count() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        rectification("r-failed", "2026-12-10", RectificationOutcome.FAILED);
        rectification("r-done", "2026-12-10", RectificationOutcome.COMPLETED);
        rectification("r-overdue", "2026-12-19", null);
        rectification("r-open", "2026-12-31", null);

        Factor rectifications = factor(risk("sup-001"), "rectifications");

        assertThat(rectifications.value()).isEqualByComparingTo("2");
        assertThat(rectifications.contribution()).isEqualByComparingTo("5.00");
        assertThat(rectifications.evidence()).hasSize(3);
    }

    @Test
    void a_poor_evaluation_and_certifications_near_or_past_expiry_count() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        apply("sup-001", new SupplierPerformanceEvaluatedEvent(SupplierId.of("sup-001"), "ev-1",
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), new BigDecimal("0.7"),
                new BigDecimal("0.9"), BigDecimal.TEN, 61, PerformanceGrade.C, "slipping"));

        SupplierRisk risk = risk("sup-001");
        assertThat(factor(risk, "evaluation").contribution()).isEqualByComparingTo("3.00");
        assertThat(factor(risk, "certifications").contribution()).isEqualByComparingTo("0");

        SupplierRisk later = projection.handle(FindSupplierRiskQuery.now("sup-001",
                Instant.parse("2027-05-15T00:00:00Z"))).orElseThrow();
        assertThat(factor(later, "certifications").contribution()).isEqualByComparingTo("2.50");
        SupplierRisk expired = projection.handle(FindSupplierRiskQuery.now("sup-001",
                Instant.parse("2027-07-01T00:00:00Z"))).orElseThrow();
        assertThat(factor(expired, "certifications").contribution()).isEqualByComparingTo("5.00");
        assertThat(factor(expired, "certifications").evidence()).extracting(Evidence::type)
                .containsExactly("SupplierOnboarded");
    }

    /**
     * Every factor says what it found as a phrase whose facts it carries, and its explanation is that phrase in
     * English; between them, a supplier with no record, one with a full record and one with one credit rating say
     * every sentence of the formula.
     */
    @Test
    void every_explanation_is_a_phrase_naming_the_facts_the_factor_carries() {
        apply("sup-000", onboarded("sup-000", SupplierTier.KEY, "East China", "fasteners"));
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        credit("sup-001", CreditRating.A);
        credit("sup-001", CreditRating.BB);
        for (int i = 1; i <= 10; i++) {
            apply("ct-1", delivered("ct-1", "dl-" + i, "2026-11-%02d".formatted(i), 100, i > 5 ? 95 : 100,
                    i > 5 ? 2 : 0, "85.00", false));
        }
        apply("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"));
        apply("sup-001", new SupplierPerformanceEvaluatedEvent(SupplierId.of("sup-001"), "ev-1",
                LocalDate.parse("2026-07-01"), LocalDate.parse("2026-09-30"), new BigDecimal("0.7"),
                new BigDecimal("0.9"), BigDecimal.TEN, 61, PerformanceGrade.C, "slipping"));
        supplierWithSignedContract("sup-002", "ct-2", "springs");
        credit("sup-002", CreditRating.BB);

        List<Phrase> said = new ArrayList<>();
        for (String supplierId : List.of("sup-000", "sup-001", "sup-002")) {
            for (Factor factor : risk(supplierId).factors()) {
                Phrase phrase = new Phrase(factor.phrase(), factor.facts());
                assertThat(phrase.in(RiskPhrase.ENGLISH)).isEqualTo(factor.explanation());
                said.add(phrase);
            }
        }

        PhraseBooks.assertEveryPhraseSaid(RiskPhrase.ENGLISH, said);
        assertThat(factor(risk("sup-001"), "breaches").facts()).containsEntry("byType", "LATE_DELIVERY 1");
    }

    /** Two suppliers share the category's signed spend equally; a draft is not spend. */
    @Test
    void dependence_is_the_share_of_the_categorys_signed_spend() {
        supplierWithSignedContract("sup-001", "ct-1", "fasteners");
        supplierWithSignedContract("sup-002", "ct-2", "fasteners", "springs");
        apply("ct-3", drafted("ct-3", "sup-001"));

        Factor dependence = factor(risk("sup-001"), "dependence");

        assertThat(dependence.value()).isEqualByComparingTo("0.5");
        assertThat(dependence.contribution()).isEqualByComparingTo("2.50");
        assertThat(dependence.explanation()).isEqualTo("holds 50% of the buyer's CNY spend in fasteners");
        assertThat(factor(risk("sup-002"), "dependence").explanation())
                .isEqualTo("holds 100% of the buyer's CNY spend in springs");
    }
}
