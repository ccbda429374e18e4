package com.contractledger.api.reminder;

/** What a reminder is about; each kind is raised as its own event. */
public enum ReminderKind {
    /** {@code ContractMilestoneApproaching}: an unmet delivery or payment milestone is near its due date. */
    MILESTONE_APPROACHING("ContractMilestoneApproaching"),
    /** {@code ContractRenewalNoticeDue}: the last day to decide on renewal, the contract's notice period before expiry. */
    RENEWAL_NOTICE_DUE("ContractRenewalNoticeDue"),
    /** {@code ContractExpiryApproaching}: the contract expires soon. */
    EXPIRY_APPROACHING("ContractExpiryApproaching"),
    /** {@code SupplierCertificationExpiring}: a supplier's certification is valid for a short while more. */
    CERTIFICATION_EXPIRING("SupplierCertificationExpiring"),
    /** {@code SupplierCertificationExpired}: a supplier's certification is no longer valid. */
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
