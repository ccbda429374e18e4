package com.contractledger.command.contract;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.GuaranteeType;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.api.contract.PaymentInstalment;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.PenaltyClause;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TermsDiffTest {

    private static final ContractTerms BEFORE = new ContractTerms("M8 bolts 2026",
            List.of(new LineItem("M8-30", "M8x30 bolt", dec("10000"), "pcs", dec("0.85"))),
            List.of(new DeliveryMilestone("d1", LocalDate.parse("2026-12-15"), List.of(new MilestoneLine("M8-30", dec("10000"))))),
            new PaymentTerms(30, List.of(new PaymentInstalment("p1", LocalDate.parse("2027-01-15"), dec("8500.00")))),
            List.of("GB/T 5783-2016"), new PenaltyClause(dec("0.005"), dec("0.10")),
            new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("850.00")),
            LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"));

    @Test
    void identical_terms_have_no_changes() {
        assertThat(TermsDiff.between(BEFORE, BEFORE)).isEmpty();
    }

    @Test
    void decimals_are_compared_by_value_not_scale() {
        ContractTerms after = new ContractTerms(BEFORE.title(),
                List.of(new LineItem("M8-30", "M8x30 bolt", dec("10000.0"), "pcs", dec("0.850"))),
                BEFORE.deliveries(), new PaymentTerms(30, List.of(new PaymentInstalment("p1", LocalDate.parse("2027-01-15"), dec("8500")))),
                BEFORE.qualityStandards(), new PenaltyClause(dec("0.0050"), dec("0.1")),
                new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("850")), BEFORE.effectiveFrom(), BEFORE.expiresOn());
        assertThat(TermsDiff.between(BEFORE, after)).isEmpty();
    }

    @Test
    void every_kind_of_field_is_reported_with_its_path() {
        ContractTerms after = new ContractTerms("M8 bolts 2026/27",
                List.of(new LineItem("M8-30", "M8x30 bolt", dec("12000"), "pcs", dec("0.90"))),
                List.of(new DeliveryMilestone("d1", LocalDate.parse("2026-12-20"), List.of(new MilestoneLine("M8-30", dec("12000"))))),
                new PaymentTerms(45, List.of(new PaymentInstalment("p1", LocalDate.parse("2027-02-15"), dec("9000.00")),
                        new PaymentInstalment("p2", LocalDate.parse("2027-03-15"), dec("1800.00")))),
                List.of("GB/T 5783-2016", "ISO 898-1"), new PenaltyClause(dec("0.005"), dec("0.15")),
                new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("1080.00")),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2028-11-30"));

        assertThat(TermsDiff.between(BEFORE, after)).containsExactly(
                new FieldChange("title", "M8 bolts 2026", "M8 bolts 2026/27"),
                new FieldChange("lineItems[M8-30].quantity", "10000", "12000"),
                new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90"),
                new FieldChange("deliveries[d1].dueOn", "2026-12-15", "2026-12-20"),
                new FieldChange("deliveries[d1].lines[M8-30].quantity", "10000", "12000"),
                new FieldChange("paymentTerms.netDays", "30", "45"),
                new FieldChange("paymentTerms.schedule[p1].dueOn", "2027-01-15", "2027-02-15"),
                new FieldChange("paymentTerms.schedule[p1].amount", "8500.00", "9000.00"),
                new FieldChange("paymentTerms.schedule[p2]", null, "due 2027-03-15: 1800.00"),
                new FieldChange("qualityStandards", "GB/T 5783-2016", "GB/T 5783-2016, ISO 898-1"),
                new FieldChange("penaltyClause.cap", "0.10", "0.15"),
                new FieldChange("guarantee.amount", "850.00", "1080.00"),
                new FieldChange("expiresOn", "2027-11-30", "2028-11-30"));
    }

    @Test
    void removed_and_added_elements_are_described() {
        ContractTerms after = new ContractTerms(BEFORE.title(), BEFORE.lineItems(), BEFORE.deliveries(),
                new PaymentTerms(30, List.of()), null, null, null, BEFORE.effectiveFrom(), BEFORE.expiresOn());

        assertThat(TermsDiff.between(BEFORE, after)).containsExactly(
                new FieldChange("paymentTerms.schedule[p1]", "due 2027-01-15: 8500.00", null),
                new FieldChange("qualityStandards", "GB/T 5783-2016", null),
                new FieldChange("penaltyClause", "rate 0.005 per day, cap 0.10", null),
                new FieldChange("guarantee", "PERFORMANCE_BOND 850.00", null));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
