package com.contractledger.api.contract;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A contract's payment instalments and which of them a running total of payments covers. Payments name no instalment:
 * instalments are covered in order of due date, then milestone id, each once the total paid reaches its amount plus
 * that of every instalment before it.
 */
public record PaymentSchedule(List<PaymentInstalment> instalments) {

    private static final Comparator<PaymentInstalment> COVERAGE_ORDER =
            Comparator.comparing(PaymentInstalment::dueOn).thenComparing(PaymentInstalment::milestoneId);

    public PaymentSchedule {
        instalments = instalments == null ? List.of() : List.copyOf(instalments);
    }

    public static PaymentSchedule of(ContractTerms terms) {
        return new PaymentSchedule(terms == null || terms.paymentTerms() == null ? null
                : terms.paymentTerms().schedule());
    }

    /** The milestone ids of the instalments {@code totalPaid} covers, sorted by id. */
    public List<String> coveredBy(BigDecimal totalPaid) {
        BigDecimal due = BigDecimal.ZERO;
        List<String> covered = new ArrayList<>();
        for (PaymentInstalment instalment : instalments.stream().sorted(COVERAGE_ORDER).toList()) {
            due = due.add(instalment.amount());
            if (totalPaid.compareTo(due) < 0) {
                break;
            }
            covered.add(instalment.milestoneId());
        }
        return covered.stream().sorted().toList();
    }

    public boolean covers(String milestoneId, BigDecimal totalPaid) {
        return coveredBy(totalPaid).contains(milestoneId);
    }
}
