package com.contractledger.app;

/** Request bodies of the walkthrough (docs/walkthrough.md), shared by the end-to-end tests. */
final class LedgerFixtures {

    private LedgerFixtures() {
    }

    interface Check {
        void run() throws Exception;
    }

    /** Retries {@code check} until it passes or {@code within} has passed: views catch up on their own time. */
    static void eventually(java.time.Duration within, Check check) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError | RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    static String supplier(String supplierId) {
        return """
                {"supplierId": "%s", "legalName": "Huadong Precision Parts Co., Ltd.",
                 "registrationNumber": "91310000MA1FL0001X", "registeredAddress": "Shanghai",
                 "legalRepresentative": "Wang Li", "region": "East China",
                 "categories": ["fasteners"], "scale": "MEDIUM",
                 "capabilities": {"monthlyCapacity": "200000 pcs", "qualitySystem": "ISO 9001"},
                 "certifications": [{"name": "ISO 9001", "issuer": "SGS", "validUntil": "2027-06-30"}],
                 "contacts": [{"name": "Chen Jing", "role": "Sales", "email": "chen@example.com",
                               "phone": "+86-21-5555-0100"}]}""".formatted(supplierId);
    }

    static final String LOW_CREDIT = """
            {"rating": "BB", "score": 58, "financialHealth": "WEAK", "fulfilmentRecord": "FAIR",
             "reputation": "GOOD", "source": "AGENCY", "assessedOn": "2026-11-01"}""";

    static String contract(String contractId, String supplierId, String deliveryDueOn, String paymentDueOn) {
        return """
                {"contractId": "%s", "supplierId": "%s", "title": "M8 bolts 2026",
                 "type": "GOODS", "currency": "CNY",
                 "lineItems": [{"sku": "M8-30", "description": "M8x30 bolt", "quantity": 10000, "unit": "pcs",
                                "unitPrice": "0.85"}],
                 "deliveries": [{"milestoneId": "d1", "dueOn": "%s", "lines": [{"sku": "M8-30", "quantity": 10000}]}],
                 "paymentTerms": {"netDays": 30, "schedule": [{"milestoneId": "p1", "dueOn": "%s", "amount": "8500.00"}]},
                 "qualityStandards": ["GB/T 5783-2016"],
                 "penaltyClause": {"lateDeliveryRatePerDay": "0.005", "cap": "0.10"},
                 "guarantee": {"type": "PERFORMANCE_BOND", "amount": "850.00"},
                 "effectiveFrom": "2026-12-01", "expiresOn": "2027-11-30"}"""
                .formatted(contractId, supplierId, deliveryDueOn, paymentDueOn);
    }

    static String contract(String contractId, String supplierId) {
        return contract(contractId, supplierId, "2026-12-15", "2027-01-15");
    }

    static final String SIGNATURE = """
            {"signatories": ["Wang Li", "Zhao Min"], "signedOn": "2026-11-25"}""";

    static final String PRICE_AMENDMENT = """
            {"reason": "PRICE_ADJUSTMENT", "description": "steel price +6%",
             "changes": {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}}""";

    static final String LATE_PARTLY_REJECTED_DELIVERY = """
            {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "2026-12-18",
             "lines": [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}],
             "inspectionNotes": "200 pcs thread defects"}""";

    static final String LATE_DELIVERY_BREACH = """
            {"breachId": "br-1", "type": "LATE_DELIVERY", "responsibleParty": "SUPPLIER",
             "description": "d1 three days late", "relatedDeliveryId": "dl-1", "occurredOn": "2026-12-18"}""";
}
