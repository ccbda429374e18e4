package com.contractledger.query.risk;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationOutcome;
import org.springframework.data.annotation.Id;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a supplier's own history tells about its risk: categories, credit assessments, rectifications, the latest
 * evaluation and certifications, each with the event behind it.
 */
record RiskSupplier(@Id String id, List<String> categories, List<Credit> credit, List<Rectification> rectifications,
                    Evaluation evaluation, List<Certification> certifications) {

    static final String COLLECTION = "risk_suppliers";

    record Credit(CreditRating rating, LocalDate assessedOn, Evidence evidence) {
    }

    record Rectification(String rectificationId, LocalDate dueOn, RectificationOutcome outcome,
                         List<Evidence> evidence) {
    }

    record Evaluation(PerformanceGrade grade, LocalDate periodEnd, Evidence evidence) {
    }

    record Certification(String name, LocalDate validUntil, Evidence evidence) {
    }

    RiskSupplier {
        categories = List.copyOf(categories);
        credit = List.copyOf(credit);
        rectifications = List.copyOf(rectifications);
        certifications = List.copyOf(certifications);
    }

    RiskSupplier categorized(List<String> categories) {
        return new RiskSupplier(id, categories, credit, rectifications, evaluation, certifications);
    }

    RiskSupplier assessed(Credit assessment) {
        List<Credit> more = new ArrayList<>(credit);
        more.add(assessment);
        return new RiskSupplier(id, categories, more, rectifications, evaluation, certifications);
    }

    RiskSupplier rectification(Rectification requested) {
        List<Rectification> more = new ArrayList<>(rectifications);
        more.add(requested);
        return new RiskSupplier(id, categories, credit, more, evaluation, certifications);
    }

    RiskSupplier rectificationCompleted(String rectificationId, RectificationOutcome outcome, Evidence evidence) {
        return new RiskSupplier(id, categories, credit, rectifications.stream().map(r ->
                !r.rectificationId().equals(rectificationId) ? r : new Rectification(r.rectificationId(), r.dueOn(),
                        outcome, List.of(r.evidence().get(0), evidence))).toList(),
                evaluation, certifications);
    }

    RiskSupplier evaluated(Evaluation latest) {
        boolean later = evaluation == null || !latest.periodEnd().isBefore(evaluation.periodEnd());
        return new RiskSupplier(id, categories, credit, rectifications, later ? latest : evaluation, certifications);
    }
}
