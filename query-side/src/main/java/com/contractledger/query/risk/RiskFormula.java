package com.contractledger.query.risk;

import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.query.common.Phrase;
import com.contractledger.query.risk.RiskContract.Breach;
import com.contractledger.query.risk.RiskContract.Delivery;
import com.contractledger.query.risk.RiskContract.Dispute;
import com.contractledger.query.risk.RiskSupplier.Certification;
import com.contractledger.query.risk.RiskSupplier.Credit;
import com.contractledger.query.risk.RiskSupplier.Rectification;
import com.contractledger.query.risk.SupplierRisk.Factor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Formula version 1 of the supplier risk score (docs/supplier-risk.md). Each factor measures a value, scales it to
 * 0–1 and contributes that share of its weight; the weights add up to 100, so the score is the sum of the
 * contributions, rounded half up.
 */
final class RiskFormula {

    static final String VERSION = "1";
    /** Deliveries in a window: the last N against the N before them. */
    static final int WINDOW = 5;
    static final int BREACH_DAYS = 180;
    static final int CERTIFICATION_WARNING_DAYS = 60;

    private RiskFormula() {
    }

    /**
     * The risk at {@code at} of the supplier, from its own record, its contracts' and, for dependence, each of its
     * categories' share of spend that it holds (0–1, with the contracts behind it).
     */
    static SupplierRisk of(RiskSupplier supplier, List<RiskContract> contracts, Dependence dependence, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, ZoneOffset.UTC);
        List<Delivery> deliveries = contracts.stream().flatMap(c -> c.deliveries().stream())
                .sorted(Comparator.comparing(Delivery::deliveredOn).thenComparing(Delivery::position)).toList();
        List<Delivery> last = deliveries.subList(Math.max(0, deliveries.size() - WINDOW), deliveries.size());
        List<Delivery> before = deliveries.subList(Math.max(0, deliveries.size() - 2 * WINDOW),
                Math.max(0, deliveries.size() - WINDOW));
        List<Factor> factors = List.of(
                onTime(last), onTimeTrend(last, before), rejection(last), rejectionTrend(last, before),
                breaches(contracts, today), disputes(contracts), credit(supplier.credit()),
                rectifications(supplier.rectifications(), today), evaluation(supplier), certifications(supplier, today),
                dependence(dependence));
        BigDecimal sum = factors.stream().map(Factor::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        int score = sum.setScale(0, RoundingMode.HALF_UP).intValueExact();
        return new SupplierRisk(supplier.id(), score, SupplierRisk.Level.of(score), VERSION, at, factors);
    }

    /**
     * The days from which the supplier's own record counts differently with no event: an open rectification falls
     * overdue, a certification enters its warning window or expires.
     */
    static Stream<LocalDate> turningDays(RiskSupplier supplier) {
        return Stream.concat(supplier.rectifications().stream()
                        .filter(r -> r.outcome() == null && r.dueOn() != null).map(r -> r.dueOn().plusDays(1)),
                supplier.certifications().stream().filter(c -> c.validUntil() != null).flatMap(c -> Stream.of(
                        c.validUntil().minusDays(CERTIFICATION_WARNING_DAYS - 1), c.validUntil().plusDays(1))));
    }

    /** The days from which a contract's breaches by the supplier count differently: each leaves the window. */
    static Stream<LocalDate> turningDays(RiskContract contract) {
        return contract.breaches().stream().filter(b -> b.responsibleParty() == ResponsibleParty.SUPPLIER)
                .map(b -> b.occurredOn().plusDays(BREACH_DAYS + 1));
    }

    /** The largest share of a category's spend that the supplier holds, in that category and currency. */
    record Dependence(String category, String currency, BigDecimal share, List<Evidence> evidence) {
        static final Dependence NONE = new Dependence(null, null, BigDecimal.ZERO, List.of());
    }

    private static Factor onTime(List<Delivery> last) {
        List<Delivery> late = last.stream().filter(Delivery::late).toList();
        BigDecimal share = ratio(late.size(), last.size());
        return factor("onTimeDelivery", share, 15, share, last.isEmpty() ? Phrase.of("RiskNoDeliveries")
                : Phrase.of("RiskLateDeliveries", "late", late.size(), "deliveries", last.size()), evidenceOf(late));
    }

    private static Factor onTimeTrend(List<Delivery> last, List<Delivery> before) {
        if (last.isEmpty() || before.isEmpty()) {
            return factor("onTimeTrend", BigDecimal.ZERO, 10, BigDecimal.ZERO, noTrend(), List.of());
        }
        BigDecimal now = BigDecimal.ONE.subtract(ratio(count(last, Delivery::late), last.size()));
        BigDecimal then = BigDecimal.ONE.subtract(ratio(count(before, Delivery::late), before.size()));
        BigDecimal change = now.subtract(then);
        return factor("onTimeTrend", change, 10, scaled(change.negate(), new BigDecimal("0.5")),
                trend("RiskOnTimeTrend", now, last, then, before),
                evidenceOf(Stream.concat(before.stream(), last.stream()).filter(Delivery::late).toList()));
    }

    private static Factor rejection(List<Delivery> last) {
        BigDecimal rate = rejected(last);
        List<Delivery> rejecting = last.stream().filter(d -> d.rejected().signum() > 0).toList();
        return factor("qualityRejection", rate, 15, scaled(rate, new BigDecimal("0.2")), last.isEmpty()
                ? Phrase.of("RiskNoDeliveries") : Phrase.of("RiskRejection", "rejected", percent(rate),
                "deliveries", last.size()), evidenceOf(rejecting));
    }

    private static Factor rejectionTrend(List<Delivery> last, List<Delivery> before) {
        if (last.isEmpty() || before.isEmpty()) {
            return factor("qualityTrend", BigDecimal.ZERO, 5, BigDecimal.ZERO, noTrend(), List.of());
        }
        BigDecimal change = rejected(last).subtract(rejected(before));
        return factor("qualityTrend", change, 5, scaled(change, new BigDecimal("0.1")),
                trend("RiskRejectionTrend", rejected(last), last, rejected(before), before),
                evidenceOf(Stream.concat(before.stream(), last.stream()).filter(d -> d.rejected().signum() > 0)
                        .toList()));
    }

    private static Factor breaches(List<RiskContract> contracts, LocalDate today) {
        LocalDate since = today.minusDays(BREACH_DAYS);
        List<Breach> recent = contracts.stream().flatMap(c -> c.breaches().stream())
                .filter(b -> b.responsibleParty() == ResponsibleParty.SUPPLIER)
                .filter(b -> !b.occurredOn().isBefore(since)).toList();
        String byType = recent.stream().collect(Collectors.groupingBy(Breach::type, TreeMap::new,
                Collectors.counting())).entrySet().stream().map(type -> type.getKey() + " " + type.getValue())
                .collect(Collectors.joining(", "));
        return factor("breaches", BigDecimal.valueOf(recent.size()), 15, scaled(BigDecimal.valueOf(recent.size()),
                        BigDecimal.valueOf(3)), recent.isEmpty() ? Phrase.of("RiskNoBreaches", "days", BREACH_DAYS)
                        : Phrase.of("RiskBreaches", "days", BREACH_DAYS, "breaches", recent.size(), "byType", byType),
                recent.stream().map(Breach::evidence).toList());
    }

    private static Factor disputes(List<RiskContract> contracts) {
        List<Dispute> open = contracts.stream().flatMap(c -> c.disputes().stream()).filter(Dispute::open).toList();
        List<Dispute> serious = open.stream().filter(d -> d.stage() == DisputeStage.ARBITRATION
                || d.stage() == DisputeStage.LITIGATION).toList();
        int weighted = open.size() + serious.size();
        return factor("disputes", BigDecimal.valueOf(weighted), 10, scaled(BigDecimal.valueOf(weighted),
                        BigDecimal.valueOf(4)), Phrase.of("RiskDisputes", "open", open.size(), "serious",
                        serious.size()),
                open.stream().flatMap(d -> d.evidence().stream()).toList());
    }

    private static Factor credit(List<Credit> assessments) {
        if (assessments.isEmpty()) {
            return factor("credit", BigDecimal.ZERO, 10, BigDecimal.ZERO, Phrase.of("RiskNoCredit"), List.of());
        }
        Credit latest = assessments.get(assessments.size() - 1);
        BigDecimal value = switch (latest.rating()) {
            case AAA, AA, A, BBB -> BigDecimal.ZERO;
            case BB -> new BigDecimal("0.5");
            case B -> new BigDecimal("0.75");
            case CCC, C -> BigDecimal.ONE;
        };
        List<Evidence> evidence = new ArrayList<>(List.of(latest.evidence()));
        Phrase explanation = Phrase.of("RiskCredit", "rating", latest.rating());
        if (assessments.size() > 1) {
            Credit previous = assessments.get(assessments.size() - 2);
            if (latest.rating().compareTo(previous.rating()) > 0) {
                value = value.add(new BigDecimal("0.25")).min(BigDecimal.ONE);
                evidence.add(0, previous.evidence());
                explanation = explanation.and("RiskCreditDowngraded", "previous", previous.rating());
            }
        }
        return factor("credit", value, 10, value, explanation, evidence);
    }

    private static Factor rectifications(List<Rectification> rectifications, LocalDate today) {
        List<Rectification> failed = rectifications.stream().filter(r -> r.outcome() == RectificationOutcome.FAILED
                || r.outcome() == null && r.dueOn() != null && r.dueOn().isBefore(today)).toList();
        return factor("rectifications", BigDecimal.valueOf(failed.size()), 5,
                scaled(BigDecimal.valueOf(failed.size()), BigDecimal.valueOf(2)),
                Phrase.of("RiskRectifications", "failed", failed.size()),
                failed.stream().flatMap(r -> r.evidence().stream()).toList());
    }

    private static Factor evaluation(RiskSupplier supplier) {
        if (supplier.evaluation() == null) {
            return factor("evaluation", BigDecimal.ZERO, 5, BigDecimal.ZERO, Phrase.of("RiskNotEvaluated"),
                    List.of());
        }
        BigDecimal value = switch (supplier.evaluation().grade()) {
            case A -> BigDecimal.ZERO;
            case B -> new BigDecimal("0.25");
            case C -> new BigDecimal("0.6");
            case D -> BigDecimal.ONE;
        };
        return factor("evaluation", value, 5, value, Phrase.of("RiskEvaluation", "grade",
                supplier.evaluation().grade()), List.of(supplier.evaluation().evidence()));
    }

    private static Factor certifications(RiskSupplier supplier, LocalDate today) {
        List<Certification> expired = supplier.certifications().stream()
                .filter(c -> c.validUntil() != null && c.validUntil().isBefore(today)).toList();
        List<Certification> expiring = supplier.certifications().stream()
                .filter(c -> c.validUntil() != null && !c.validUntil().isBefore(today)
                        && c.validUntil().isBefore(today.plusDays(CERTIFICATION_WARNING_DAYS))).toList();
        BigDecimal value = !expired.isEmpty() ? BigDecimal.ONE : !expiring.isEmpty() ? new BigDecimal("0.5")
                : BigDecimal.ZERO;
        return factor("certifications", value, 5, value, Phrase.of("RiskCertifications", "expired", expired.size(),
                        "days", CERTIFICATION_WARNING_DAYS, "expiring", expiring.size()),
                Stream.concat(expired.stream(), expiring.stream()).map(Certification::evidence).toList());
    }

    private static Factor dependence(Dependence dependence) {
        return factor("dependence", dependence.share(), 5, dependence.share(), dependence.category() == null
                ? Phrase.of("RiskNoSpend") : Phrase.of("RiskDependence", "share", percent(dependence.share()),
                        "currency", dependence.currency(), "category", dependence.category()),
                dependence.evidence());
    }

    private static Factor factor(String name, BigDecimal value, int weight, BigDecimal scaledValue,
                                 Phrase explanation, List<Evidence> evidence) {
        BigDecimal contribution = BigDecimal.valueOf(weight).multiply(scaledValue.max(BigDecimal.ZERO)
                .min(BigDecimal.ONE)).setScale(2, RoundingMode.HALF_UP);
        return new Factor(name, value.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros(), weight, contribution,
                explanation.in(RiskPhrase.ENGLISH), explanation.key(), explanation.facts(), List.copyOf(evidence));
    }

    private static Phrase noTrend() {
        return Phrase.of("RiskNoTrend", "deliveries", WINDOW + 1);
    }

    /** A rate over the last deliveries against the one over the deliveries before them. */
    private static Phrase trend(String key, BigDecimal now, List<Delivery> last, BigDecimal then,
                                List<Delivery> before) {
        return Phrase.of(key, "now", percent(now), "last", last.size(), "then", percent(then), "before",
                before.size());
    }

    /** {@code value} as a share of {@code full}, at most 1 (negative values count as 0 in the factor). */
    private static BigDecimal scaled(BigDecimal value, BigDecimal full) {
        return value.divide(full, 6, RoundingMode.HALF_UP).min(BigDecimal.ONE);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 6,
                RoundingMode.HALF_UP);
    }

    private static BigDecimal rejected(List<Delivery> deliveries) {
        BigDecimal delivered = deliveries.stream().map(Delivery::delivered).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rejected = deliveries.stream().map(Delivery::rejected).reduce(BigDecimal.ZERO, BigDecimal::add);
        return delivered.signum() == 0 ? BigDecimal.ZERO : rejected.divide(delivered, 6, RoundingMode.HALF_UP);
    }

    private static long count(List<Delivery> deliveries, Predicate<Delivery> which) {
        return deliveries.stream().filter(which).count();
    }

    private static List<Evidence> evidenceOf(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::evidence).toList();
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
    }
}
