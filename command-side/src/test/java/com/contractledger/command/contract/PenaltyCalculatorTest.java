package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.PenaltyClause;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class PenaltyCalculatorTest {

    private static final PenaltyClause WALKTHROUGH_CLAUSE = new PenaltyClause(new BigDecimal("0.005"), new BigDecimal("0.10"));

    @Test
    void the_design_example_owes_81_CNY() {
        PenaltyCalculator.Penalty penalty = PenaltyCalculator.lateDelivery(WALKTHROUGH_CLAUSE, 3, cny("5400.00"), cny("9000.00"), cny("0.00"));

        assertThat(penalty.amount()).isEqualTo(cny("81.00"));
        assertThat(penalty.calculation()).isEqualTo("0.005 × 3 days × 5400.00 CNY = 81.00 CNY");
    }

    @Test
    void the_penalty_is_rounded_half_up_to_the_currency() {
        // 0.005 × 1 × 1.00 = 0.005 → 0.01
        PenaltyCalculator.Penalty penalty = PenaltyCalculator.lateDelivery(WALKTHROUGH_CLAUSE, 1, cny("1.00"), cny("9000.00"), cny("0.00"));

        assertThat(penalty.amount()).isEqualTo(cny("0.01"));
        assertThat(penalty.calculation()).isEqualTo("0.005 × 1 day × 1.00 CNY = 0.01 CNY");
    }

    @Test
    void a_penalty_rounds_to_whole_yen() {
        Money value = new Money(new BigDecimal("12345"), Currency.getInstance("JPY"));
        PenaltyCalculator.Penalty penalty = PenaltyCalculator.lateDelivery(WALKTHROUGH_CLAUSE, 3, value,
                new Money(new BigDecimal("1000000"), Currency.getInstance("JPY")), Money.zero(Currency.getInstance("JPY")));

        assertThat(penalty.amount()).isEqualTo(new Money(new BigDecimal("185"), Currency.getInstance("JPY")));
    }

    @Test
    void an_exhausted_cap_leaves_nothing_to_charge() {
        PenaltyCalculator.Penalty penalty = PenaltyCalculator.lateDelivery(WALKTHROUGH_CLAUSE, 3, cny("5400.00"), cny("9000.00"), cny("900.00"));

        assertThat(penalty.amount()).isEqualTo(cny("0.00"));
        assertThat(penalty.calculation()).endsWith("capped at 0.00 CNY (cap 0.10 × contract value 9000.00 CNY = 900.00 CNY, 900.00 CNY already charged)");
    }

    @Test
    void without_a_penalty_clause_nothing_is_owed() {
        PenaltyCalculator.Penalty penalty = PenaltyCalculator.lateDelivery(null, 3, cny("5400.00"), cny("9000.00"), cny("0.00"));

        assertThat(penalty.amount()).isEqualTo(cny("0.00"));
        assertThat(penalty.calculation()).isEqualTo("no penalty clause: 0.00 CNY");
    }

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }
}
