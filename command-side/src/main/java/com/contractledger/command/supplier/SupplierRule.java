package com.contractledger.command.supplier;

import com.contractledger.command.common.Rule;

/** The rules of a supplier relationship. */
public enum SupplierRule implements Rule {

    SUPPLIER_TERMINATED("A terminated supplier relationship accepts no further commands."),
    CLASSIFICATION_UNCHANGED("A classification changes the categories, tags, region or scale."),
    TIER_UNCHANGED("A tier change moves the supplier to another tier."),
    PERIOD_ALREADY_EVALUATED("A supplier's performance is evaluated once per period."),
    RECTIFICATION_CLOSED("A rectification is closed once, COMPLETED or FAILED."),
    SUSPENSION_NEEDS_ACTIVE("Only an ACTIVE supplier can be suspended."),
    REINSTATEMENT_NEEDS_SUSPENDED("Only a SUSPENDED supplier can be reinstated.");

    private final String statement;

    SupplierRule(String statement) {
        this.statement = statement;
    }

    @Override
    public String statement() {
        return statement;
    }
}
