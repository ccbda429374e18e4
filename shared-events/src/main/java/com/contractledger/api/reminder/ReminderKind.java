package com.contractledger.api.reminder;

/** What a reminder is about; each kind is raised as its own event. */
public enum ReminderKind {
    /** {@code ContractMilestoneApproaching}: an unmet delivery or payment milestone is near its due date. */
    MILESTONE_APPROACHING,
    /** {@code ContractRenewalNoticeDue}: the last day to decide on renewal, the contract's notice period before expiry. */
    RENEWAL_NOTICE_DUE,
    /** {@code ContractExpiryApproaching}: the contract expires soon. */
    EXPIRY_APPROACHING,
    /** {@code SupplierCertificationExpiring}: a supplier's certification is valid for a short while more. */
    CERTIFICATION_EXPIRING,
    /** {@code SupplierCertificationExpired}: a supplier's certification is no longer valid. */
    CERTIFICATION_EXPIRED
}
