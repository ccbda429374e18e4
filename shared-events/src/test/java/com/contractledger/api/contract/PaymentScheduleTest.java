package com.contractledger.api.contract;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentScheduleTest {

    private static final PaymentSchedule SCHEDULE = new PaymentSchedule(List.of(
            instalment("p3", "2027-03-15", "300.00"),
            instalment("p2b", "2027-02-15", "200.00"),
            instalment("p2a", "2027-02-15", "100.00"),
            instalment("p1", "2027-01-15", "500.00")));

    @Test
    void instalments_are_covered_in_due_date_order() {
        assertThat(SCHEDULE.coveredBy(new BigDecimal("499.99"))).isEmpty();
        assertThat(SCHEDULE.coveredBy(new BigDecimal("500.00"))).containsExactly("p1");
        assertThat(SCHEDULE.coveredBy(new BigDecimal("1100.00"))).containsExactly("p1", "p2a", "p2b", "p3");
    }

    @Test
    void instalments_due_the_same_day_are_covered_in_milestone_id_order() {
        assertThat(SCHEDULE.coveredBy(new BigDecimal("600.00"))).containsExactly("p1", "p2a");
        assertThat(SCHEDULE.covers("p2b", new BigDecimal("600.00"))).isFalse();
    }

    @Test
    void the_ids_are_sorted_whatever_the_coverage_order() {
        PaymentSchedule schedule = new PaymentSchedule(List.of(instalment("z", "2027-01-01", "1"),
                instalment("a", "2027-06-01", "1")));
        assertThat(schedule.coveredBy(new BigDecimal("2"))).containsExactly("a", "z");
    }

    @Test
    void terms_without_a_schedule_have_nothing_to_cover() {
        assertThat(PaymentSchedule.of(new ContractTerms("t", List.of(), List.of(), new PaymentTerms(30, null), null,
                null, null, null, null)).coveredBy(BigDecimal.TEN)).isEmpty();
    }

    private static PaymentInstalment instalment(String id, String dueOn, String amount) {
        return new PaymentInstalment(id, LocalDate.parse(dueOn), new BigDecimal(amount));
    }
}
