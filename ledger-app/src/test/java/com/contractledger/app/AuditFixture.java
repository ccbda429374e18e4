package com.contractledger.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static com.contractledger.app.LedgerFixtures.*;

/**
 * What the auditor's tests share: the application on a data directory of its own, launched per scenario (a subclass may
 * launch it otherwise), and the contract history they write.
 */
abstract class AuditFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    /** The application on the embedded default; a subclass may launch it otherwise. */
    LedgerProcess launch(String... arguments) {
        return LedgerProcess.start(dataDir, arguments);
    }

    /**
     * The scripted history of {@link LedgerFixtures#contract}, dated from today like the walkthrough: each write stores
     * one event, the signature two (d1 is already past due when the contract is signed: overdue, backfilled); the
     * payment is due in 15 days, so no deadline fires while a test runs.
     */
    static final List<String[]> HISTORY = List.of(
            new String[]{"/signature", """
                    {"signatories": ["Wang Li", "Zhao Min"], "signedOn": "%s"}""".formatted(SIGNED_ON)},
            new String[]{"/amendments", """
                    {"reason": "PRICE_ADJUSTMENT", "description": "steel price +6%",
                     "changes": {"lineItems": [{"sku": "M8-30", "unitPrice": "0.90"}]}}"""},
            new String[]{"/deliveries", """
                    {"deliveryId": "dl-1", "milestoneId": "d1", "deliveredOn": "%s",
                     "lines": [{"sku": "M8-30", "delivered": 6000, "accepted": 5800, "rejected": 200}],
                     "inspectionNotes": "200 pcs thread defects", "inspector": "Li Wei"}""".formatted(DELIVERED_ON)},
            new String[]{"/breaches", """
                    {"breachId": "br-1", "type": "LATE_DELIVERY", "responsibleParty": "SUPPLIER",
                     "description": "d1 three days late", "relatedDeliveryId": "dl-1", "occurredOn": "%s"}"""
                    .formatted(DELIVERED_ON)},
            new String[]{"/disputes", """
                    {"disputeId": "dp-1", "breachId": "br-1", "category": "COMPLETION_DATE",
                     "claimAmount": {"amount": "76.50", "currency": "CNY"}, "description": "penalty contested"}"""},
            new String[]{"/disputes/dp-1/escalations", """
                    {"to": "MEDIATION", "reason": "no agreement after 2 meetings"}"""},
            new String[]{"/disputes/dp-1/resolution", """
                    {"outcome": "SETTLED", "settlementAmount": {"amount": "40.00", "currency": "CNY"},
                     "summary": "split the difference"}"""},
            new String[]{"/payments", """
                    {"paymentId": "pay-1", "amount": {"amount": "4930.00", "currency": "CNY"}, "paidOn": "%s",
                     "reference": "BANK-7781"}""".formatted(PAID_ON)},
            new String[]{"/renewals", """
                    {"newExpiresOn": "%s", "changes": {"lineItems": [{"sku": "M8-30", "quantity": 15000}]}}"""
                    .formatted(RENEWED_EXPIRES_ON)},
            new String[]{"/termination", """
                    {"reason": "supplier exits the market", "effectiveOn": "%s"}""".formatted(TERMINATION_EFFECTIVE_ON)});

    /** The events the history stores: drafted, then one per write and the overdue d1 with the signature. */
    static final int EVENTS = 1 + HISTORY.size() + 1;
}
