package com.contractledger.app;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Request bodies of the walkthrough (docs/walkthrough.md), shared by the end-to-end tests. Their dates are counted from
 * today (UTC), as the walkthrough's are, so the story is the same on any day: signed 35 days ago, effective 30 days
 * ago, the delivery milestone due 20 days ago and delivered 17 days ago (three days late, 81.00 CNY of penalty), the
 * payment due in 15 days. The delivery milestone is already past due when the contract is signed, so signing also
 * reports it overdue (backfilled): the contract is at version 2 after signing.
 */
final class LedgerFixtures {

    /** Today by the clock of the ledger under test (the same machine's, UTC). */
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final String ASSESSED_ON = day(-40);
    static final String SIGNED_ON = day(-35);
    static final String EFFECTIVE_FROM = day(-30);
    static final String DELIVERY_DUE_ON = day(-20);
    static final String DELIVERED_ON = day(-17);
    static final String PAID_ON = day(-5);
    static final String PAYMENT_DUE_ON = day(15);
    static final String TERMINATION_EFFECTIVE_ON = day(90);
    static final String CERTIFICATE_VALID_UNTIL = day(200);
    static final String EXPIRES_ON = day(330);
    static final String RENEWED_EXPIRES_ON = day(695);
    /** The version of a contract of {@link #contract(String, String)} just after {@link #SIGNATURE}. */
    static final long SIGNED_VERSION = 2;

    private LedgerFixtures() {
    }

    /** The date {@code offset} days from today, ISO-8601. */
    static String day(int offset) {
        return TODAY.plusDays(offset).toString();
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
                 "certifications": [{"name": "ISO 9001", "issuer": "SGS", "validUntil": "%s"}],
                 "contacts": [{"name": "Chen Jing", "role": "Sales", "email": "chen@example.com",
                               "phone": "+86-21-5555-0100"}]}""".formatted(supplierId, CERTIFICATE_VALID_UNTIL);
    }

    static final String LOW_CREDIT = """
            {"rating": "BB", "score": 58, "financialHealth": "WEAK", "fulfilmentRecord": "FAIR",
             "reputation": "GOOD", "source": "AGENCY", "assessedOn": "%s"}""".formatted(ASSESSED_ON);

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
                 "effectiveFrom": "%s", "expiresOn": "%s"}"""
                .formatted(contractId, supplierId, deliveryDueOn, paymentDueOn, EFFECTIVE_FROM, EXPIRES_ON);
    }

    static String contract(String contractId, String supplierId) {
        return contract(contractId, supplierId, DELIVERY_DUE_ON, PAYMENT_DUE_ON);
    }

    static final String SIGNATURE = """
            {"signatories": ["Wang Li", "Zhao Min"], "signedOn": "%s"}""".formatted(SIGNED_ON);

    static final String PRICE_AMENDMENT = """
            {"reason": "PRICE_ADJUSTMENT", "description": "steel price +6%",
             "changes": {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}}""";

    static final String LATE_PARTLY_REJECTED_DELIVERY = """
            {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "%s",
             "lines": [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}],
             "inspectionNotes": "200 pcs thread defects"}""".formatted(DELIVERED_ON);

    static final String LATE_DELIVERY_BREACH = """
            {"breachId": "br-1", "type": "LATE_DELIVERY", "responsibleParty": "SUPPLIER",
             "description": "d1 three days late", "relatedDeliveryId": "dl-1", "occurredOn": "%s"}""".formatted(DELIVERED_ON);

    static final String RENEWAL = """
            {"newExpiresOn": "%s", "changes": {"lineItems": [{"sku": "M8-30", "quantity": 15000}]}}"""
            .formatted(RENEWED_EXPIRES_ON);

    static final String TERMINATION = """
            {"reason": "supplier exits the market", "effectiveOn": "%s"}""".formatted(TERMINATION_EFFECTIVE_ON);
}
