package com.contractledger.bench;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The requests of a realistic procurement workload, in the API's shapes. Dates are counted from today (UTC), as in the
 * walkthrough, so the workload is accepted on any day: signed 35 days ago, the delivery milestone due 20 days ago and
 * delivered 17 days ago, paid 5 days ago, the payment due in 15 days.
 */
final class Workload {

    private Workload() {
    }

    /** The date {@code offset} days from today, ISO-8601. */
    static String day(int offset) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(offset).toString();
    }

    static String supplier(String supplierId, int index) {
        return """
                {"supplierId": "%s", "legalName": "Supplier %d Co., Ltd.", "registrationNumber": "REG-%d",
                 "registeredAddress": "Shanghai", "legalRepresentative": "Wang Li", "region": "%s",
                 "categories": ["%s"], "scale": "MEDIUM",
                 "certifications": [{"name": "ISO 9001", "issuer": "SGS", "validUntil": "%s"}],
                 "contacts": [{"name": "Chen Jing", "role": "Sales", "email": "chen@example.com"}]}"""
                .formatted(supplierId, index, index, index % 2 == 0 ? "East China" : "South China",
                        List.of("fasteners", "bearings", "castings", "electronics").get(index % 4), day(200));
    }

    static final String GOOD_CREDIT = """
            {"rating": "A", "score": 81, "financialHealth": "GOOD", "fulfilmentRecord": "GOOD",
             "reputation": "GOOD", "source": "AGENCY", "assessedOn": "%s"}""".formatted(day(-40));

    static String contract(String contractId, String supplierId) {
        return """
                {"contractId": "%s", "supplierId": "%s", "title": "Bolts %s", "type": "GOODS", "currency": "CNY",
                 "lineItems": [{"sku": "M8-30", "description": "M8x30 bolt", "quantity": 10000, "unit": "pcs", "unitPrice": "0.85"}],
                 "deliveries": [{"milestoneId": "d1", "dueOn": "%s", "lines": [{"sku": "M8-30", "quantity": 10000}]}],
                 "paymentTerms": {"netDays": 30, "schedule": [{"milestoneId": "p1", "dueOn": "%s", "amount": "8500.00"}]},
                 "qualityStandards": ["GB/T 5783-2016"],
                 "penaltyClause": {"lateDeliveryRatePerDay": "0.005", "cap": "0.10"},
                 "guarantee": {"type": "PERFORMANCE_BOND", "amount": "850.00"},
                 "effectiveFrom": "%s", "expiresOn": "%s"}"""
                .formatted(contractId, supplierId, contractId, day(-20), day(15), day(-30), day(330));
    }

    /**
     * The life of one contract after drafting: nine commands. Each entry is {path suffix, body}. The delivery milestone
     * is past due at signing, so the signing also stores its overdue event (backfilled).
     */
    static List<String[]> lifeAfterDraft() {
        return List.of(
                new String[]{"/signature", "{\"signatories\": [\"Wang Li\"], \"signedOn\": \"%s\"}".formatted(day(-35))},
                new String[]{"/amendments", """
                        {"reason": "PRICE_ADJUSTMENT", "description": "steel price +6%",
                         "changes": {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}}"""},
                new String[]{"/deliveries", """
                        {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "%s",
                         "lines": [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}]}"""
                        .formatted(day(-17))},
                new String[]{"/breaches", """
                        {"breachId": "br-1", "type": "LATE_DELIVERY", "responsibleParty": "SUPPLIER",
                         "description": "three days late", "relatedDeliveryId": "dl-1", "occurredOn": "%s"}"""
                        .formatted(day(-17))},
                new String[]{"/disputes", """
                        {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                         "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}"""},
                new String[]{"/disputes/dp-1/escalations", "{\"to\": \"MEDIATION\", \"reason\": \"no agreement\"}"},
                new String[]{"/disputes/dp-1/notes", "{\"text\": \"inspection report\", \"evidenceRefs\": [\"doc://x\"]}"},
                new String[]{"/disputes/dp-1/resolution", """
                        {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"}, "summary": "split"}"""},
                new String[]{"/payments", """
                        {"paymentId": "pay-1", "amount": {"amount": "4000.00", "currency": "CNY"}, "paidOn": "%s"}"""
                        .formatted(day(-5))});
    }

    static final String OPEN_DISPUTE = """
            {"disputeId": "dp-long", "category": "QUANTITY", "claimAmount": {"amount": "10.00", "currency": "CNY"},
             "description": "a long negotiation"}""";

    static String note(int index) {
        return "{\"text\": \"meeting minutes " + index + "\", \"evidenceRefs\": [\"doc://minutes/" + index + "\"]}";
    }
}
