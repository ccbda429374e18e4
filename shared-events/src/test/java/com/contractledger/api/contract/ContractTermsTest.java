package com.contractledger.api.contract;

import com.contractledger.api.serialization.LedgerJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractTermsTest {

    @Test
    void the_value_is_quantity_times_unit_price_over_every_line_item() {
        ContractTerms terms = terms(List.of(
                new LineItem("M8-30", "M8x30 bolt", new BigDecimal("10000"), "pcs", new BigDecimal("0.85")),
                new LineItem("W8", "washer", new BigDecimal("2.5"), "kg", new BigDecimal("12.40"))));

        assertThat(terms.value()).isEqualByComparingTo("8531.00");
    }

    @Test
    void terms_without_line_items_are_worth_nothing() {
        assertThat(terms(null).value()).isEqualByComparingTo("0");
    }

    @Test
    void the_value_is_derived_and_never_stored_with_the_terms() throws Exception {
        String json = LedgerJson.objectMapper().writeValueAsString(terms(List.of()));

        assertThat(json).doesNotContain("\"value\"");
    }

    private static ContractTerms terms(List<LineItem> lineItems) {
        return new ContractTerms("t", lineItems, List.of(), null, List.of(), null, null,
                LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"));
    }
}
