package com.contractledger.command.contract;

import com.contractledger.command.common.Rule;

/** The rules of a contract and its terms, in the order of a contract's life. */
public enum ContractRule implements Rule {

    SUPPLIER_NOT_ONBOARDED("A contract is placed only with an onboarded supplier."),
    SUPPLIER_NOT_ACCEPTING("No contract is drafted, signed or renewed with a suspended or terminated supplier."),
    LOW_CREDIT_GUARANTEE("A supplier rated BB or worse gives a guarantee of at least 10% of the contract value "
            + "(checked at drafting and signing)."),
    LOW_CREDIT_PREPAYMENT("A supplier rated BB or worse is paid nothing before the first delivery milestone falls due "
            + "(checked at drafting and signing)."),

    TERMS_INCOMPLETE("Contract terms have a title, line items, delivery milestones and payment terms, each with its "
            + "id, due date and lines, and both an effective date and an expiry."),
    TERMS_IDS_UNIQUE("Within the terms each sku, delivery milestone and payment instalment appears once, and no "
            + "instalment shares a milestone's id."),
    TERMS_FIGURES_IN_RANGE("Quantities and instalments are above 0; unit prices, guarantees and net days are 0 or "
            + "more; penalty rates and caps lie between 0 and 1; a renewal notice period is at least one day."),
    MILESTONE_SKU_UNKNOWN("A delivery milestone schedules only skus that are line items of the contract."),
    MILESTONES_EXCEED_LINE("Delivery milestones schedule no more of a line than its quantity."),
    SCHEDULE_EXCEEDS_VALUE("The payment schedule totals no more than the contract value."),
    EXPIRY_NOT_AFTER_EFFECTIVE("A contract expires after it takes effect."),
    RENEWAL_NOTICE_BEFORE_EFFECTIVE("A renewal notice period starts no earlier than the contract takes effect."),

    CONTRACT_CLOSED("A terminated, expired or completed contract accepts no further commands."),
    SIGNING_NEEDS_DRAFT("Only a DRAFT contract can be signed."),
    CONTRACT_NOT_ACTIVE("Deliveries, payments and breaches are recorded only on an ACTIVE (signed) contract."),

    AMENDMENT_CHANGES_NOTHING("An amendment changes something in the terms."),
    CHANGE_REPEATED("An amendment or renewal changes each line item and each delivery milestone at most once."),
    NEW_ENTRY_INCOMPLETE("A line item added by an amendment has a quantity, a unit and a unit price; an added delivery "
            + "milestone has a due date and lines."),
    REVISION_BELOW_ACCEPTED("Revised terms keep every quantity already accepted, per line item and per delivery "
            + "milestone."),
    REVISION_BELOW_PAID("Revised terms keep the contract value at or above what is already paid."),
    RENEWAL_NEEDS_ACTIVE("Only an ACTIVE contract can be renewed."),
    RENEWAL_NOT_LATER("A renewal's new expiry is after the current expiry."),
    RENEWAL_EXPIRY_IN_CHANGES("A renewal sets the expiry through newExpiresOn, never through changes.expiresOn."),

    REFERENCE_NOT_IN_CONTRACT("What an entry names exists in the contract: a delivery's milestone, a breach's "
            + "delivery, a dispute's breach."),
    DELIVERY_SKU_NOT_DUE("A delivered line names a sku due at the delivery milestone."),
    DELIVERY_SKU_REPEATED("A delivery lists each sku once."),
    DELIVERY_UNBALANCED("For every delivered line, accepted plus rejected equals delivered."),
    DELIVERY_EXCEEDS_REMAINING("No line is delivered beyond what remains at its milestone: ordered minus already "
            + "accepted (rejected goods are replaced)."),

    MONEY_IN_CONTRACT_CURRENCY("Payments, claims and settlements are in the contract's currency."),
    PAYMENT_NOT_POSITIVE("A payment is more than 0."),
    PAYMENT_EXCEEDS_VALUE("Payments never total more than the contract value."),

    LATE_DELIVERY_BREACH_NOT_LATE("A LATE_DELIVERY breach names a delivery that was late."),
    LATE_DELIVERY_BREACH_REPEATED("A delivery is the subject of at most one LATE_DELIVERY breach."),

    DISPUTE_ESCALATES_FORWARD_ONLY("A dispute escalates only to a later stage."),
    DISPUTE_RESOLVED("A resolved dispute takes no further steps."),
    SETTLEMENT_FITS_OUTCOME("A SETTLED or AWARDED dispute has a settlement amount; other outcomes have none.");

    private final String statement;

    ContractRule(String statement) {
        this.statement = statement;
    }

    @Override
    public String statement() {
        return statement;
    }
}
