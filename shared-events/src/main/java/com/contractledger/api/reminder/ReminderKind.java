package com.contractledger.api.reminder;

/** What a reminder is about; each kind is raised as its own event. */
public enum ReminderKind {
    /** An unmet delivery or payment milestone is near its due date. */
    MILESTONE_APPROACHING("ContractMilestoneApproaching"),
    /** The last day to decide on renewal. */
    RENEWAL_NOTICE_DUE("ContractRenewalNoticeDue"),
    /** The contract expires soon. */
    EXPIRY_APPROACHING("ContractExpiryApproaching"),
    /** A supplier's certification is valid for a short while more. */
    CERTIFICATION_EXPIRING("SupplierCertificationExpiring"),
    /** A supplier's certification is no longer valid. */
    CERTIFICATION_EXPIRED("SupplierCertificationExpired");

    private final String event;

    ReminderKind(String event) {
        this.event = event;
    }

    /** The name of the event that raises it, as the API names events. */
    public String event() {
        return event;
    }
}
