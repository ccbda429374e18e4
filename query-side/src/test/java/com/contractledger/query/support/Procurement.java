package com.contractledger.query.support;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.*;
import com.contractledger.api.supplier.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Event payloads of the walkthrough (docs/walkthrough.md): supplier sup-001, 10000 M8 bolts at 0.85 CNY. */
public final class Procurement {

    public static final Currency CNY = Currency.getInstance("CNY");

    private Procurement() {
    }

    public static SupplierOnboardedEvent onboarded(String supplierId, SupplierTier tier, String region, String... categories) {
        return new SupplierOnboardedEvent(SupplierId.of(supplierId), "Huadong Precision Parts Co., Ltd.",
                "91310000MA1FL0001X", "Shanghai", "Wang Li", region, List.of(categories), SupplierScale.MEDIUM,
                new Capabilities("200000 pcs", null, "ISO 9001"),
                List.of(new Certification("ISO 9001", "SGS", LocalDate.parse("2027-06-30"))),
                List.of(new Contact("Chen Jing", "Sales", "chen@example.com", "+86-21-5555-0100")), tier);
    }

    public static ContractTerms terms(String unitPrice, String deliveryDue, String paymentDue) {
        return new ContractTerms("M8 bolts 2026",
                List.of(new LineItem("M8-30", "M8x30 bolt", new BigDecimal("10000"), "pcs", new BigDecimal(unitPrice))),
                List.of(new DeliveryMilestone("d1", LocalDate.parse(deliveryDue),
                        List.of(new MilestoneLine("M8-30", new BigDecimal("10000"))))),
                new PaymentTerms(30, List.of(new PaymentInstalment("p1", LocalDate.parse(paymentDue),
                        new BigDecimal("8500.00")))),
                List.of("GB/T 5783-2016"), new PenaltyClause(new BigDecimal("0.005"), new BigDecimal("0.10")),
                new Guarantee(GuaranteeType.PERFORMANCE_BOND, new BigDecimal("850.00")),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2027-11-30"));
    }

    public static ContractDraftedEvent drafted(String contractId, String supplierId) {
        return new ContractDraftedEvent(ContractId.of(contractId), SupplierId.of(supplierId), ContractType.GOODS, CNY,
                terms("0.85", "2026-12-15", "2027-01-15"));
    }

    /** Drafted on terms whose two instalments fall due the same day: p1b 4000.00 and p1a 4500.00. */
    public static ContractDraftedEvent draftedWithSameDayInstalments(String contractId) {
        return new ContractDraftedEvent(ContractId.of(contractId), SupplierId.of("sup-001"), ContractType.GOODS, CNY,
                withInstalments(terms("0.85", "2026-12-15", "2027-01-15"), "4000.00", "4500.00"));
    }

    /** An amendment of the same-day instalments to the given amounts, with the instalments then covered. */
    public static ContractAmendedEvent amendedInstalments(String contractId, String p1b, String p1a,
                                                          String... coveredInstalments) {
        return new ContractAmendedEvent(ContractId.of(contractId), 1, AmendmentReason.SCHEDULE_CHANGE, "instalments",
                List.of(new FieldChange("paymentTerms", "before", "after")),
                withInstalments(terms("0.85", "2026-12-15", "2027-01-15"), p1b, p1a), List.of(coveredInstalments));
    }

    private static ContractTerms withInstalments(ContractTerms t, String p1b, String p1a) {
        LocalDate due = LocalDate.parse("2027-01-15");
        return new ContractTerms(t.title(), t.lineItems(), t.deliveries(), new PaymentTerms(30, List.of(
                new PaymentInstalment("p1b", due, new BigDecimal(p1b)), new PaymentInstalment("p1a", due, new BigDecimal(p1a)))),
                t.qualityStandards(), t.penaltyClause(), t.guarantee(), t.effectiveFrom(), t.expiresOn());
    }

    public static ContractSignedEvent signed(String contractId) {
        return new ContractSignedEvent(ContractId.of(contractId), List.of("Wang Li", "Zhao Min"),
                LocalDate.parse("2026-11-25"));
    }

    public static ContractAmendedEvent amendedPrice(String contractId) {
        return new ContractAmendedEvent(ContractId.of(contractId), 1, AmendmentReason.PRICE_ADJUSTMENT,
                "steel price +6%", List.of(new FieldChange("lineItems[M8-30].unitPrice", "0.85", "0.90")),
                terms("0.90", "2026-12-15", "2027-01-15"), List.of());
    }

    public static ContractDeliveredEvent delivered(String contractId, String deliveryId, String deliveredOn,
                                                   int delivered, int accepted, int daysLate, String value,
                                                   boolean milestoneMet) {
        return new ContractDeliveredEvent(ContractId.of(contractId), deliveryId, "d1", LocalDate.parse(deliveredOn),
                List.of(new DeliveredLine("M8-30", BigDecimal.valueOf(delivered), BigDecimal.valueOf(accepted),
                        BigDecimal.valueOf(delivered - accepted))),
                "inspection", "inspector", daysLate > 0, daysLate, Money.of(value, "CNY"), milestoneMet);
    }

    public static ContractPaymentRecordedEvent paid(String contractId, String paymentId, String amount, String paidOn,
                                                    String totalPaid, String... coveredInstalments) {
        return new ContractPaymentRecordedEvent(ContractId.of(contractId), paymentId, Money.of(amount, "CNY"),
                LocalDate.parse(paidOn), "BANK-7781", Money.of(totalPaid, "CNY"), List.of(coveredInstalments));
    }

    public static ContractBreachedEvent breached(String contractId, String breachId, BreachType type, String penalty) {
        return new ContractBreachedEvent(ContractId.of(contractId), breachId, type, ResponsibleParty.SUPPLIER,
                "d1 three days late", "dl-1", LocalDate.parse("2026-12-18"), Money.of(penalty, "CNY"),
                "0.005 × 3 × 6000 × 0.90");
    }

    public static DisputeOpenedEvent disputeOpened(String contractId, String disputeId) {
        return new DisputeOpenedEvent(ContractId.of(contractId), disputeId, "br-1", DisputeCategory.COMPLETION_DATE,
                Money.of("76.50", "CNY"), "penalty contested", SupplierTier.KEY, DisputeStage.NEGOTIATION,
                DisputeStage.NEGOTIATION);
    }

    public static DisputeEscalatedEvent disputeEscalated(String contractId, String disputeId) {
        return new DisputeEscalatedEvent(ContractId.of(contractId), disputeId, DisputeStage.NEGOTIATION,
                DisputeStage.MEDIATION, "no agreement after 2 meetings");
    }

    public static DisputeNoteAddedEvent disputeNote(String contractId, String disputeId) {
        return new DisputeNoteAddedEvent(ContractId.of(contractId), disputeId, "inspection photos attached",
                List.of("doc://inspection/dl-1"));
    }

    public static DisputeResolvedEvent disputeResolved(String contractId, String disputeId) {
        return new DisputeResolvedEvent(ContractId.of(contractId), disputeId, DisputeOutcome.SETTLED,
                Money.of("40.00", "CNY"), "split the penalty", DisputeStage.MEDIATION);
    }
}
