package com.contractledger.query.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A supplier's risk score (0–100) and level at an instant, with every factor and the events it rests on. */
public record SupplierRisk(String supplierId, int score, Level level, String formulaVersion, Instant asOf,
                           List<Factor> factors) {

    public enum Level {
        LOW, MEDIUM, HIGH, CRITICAL;

        /** LOW below 25, MEDIUM below 50, HIGH below 75, CRITICAL from 75. */
        static Level of(int score) {
            return score >= 75 ? CRITICAL : score >= 50 ? HIGH : score >= 25 ? MEDIUM : LOW;
        }
    }

    /**
     * One factor: its value (what was measured), its weight (the most it can add), its contribution to the score, a
     * sentence saying what it found — in English, and as a phrase with the facts it names for other languages — and
     * the stored events it rests on.
     */
    public record Factor(String name, BigDecimal value, int weight, BigDecimal contribution, String explanation,
                         String phrase, Map<String, String> facts, List<Evidence> evidence) {
    }
}
