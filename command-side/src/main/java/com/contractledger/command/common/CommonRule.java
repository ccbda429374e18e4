package com.contractledger.command.common;

/** Rules every aggregate shares: the dates of recorded facts and the ids of the entries it records. */
public enum CommonRule implements Rule {

    FACT_FROM_FUTURE("A recorded fact is dated at most today (UTC) plus the time-zone tolerance."),
    FACT_BEFORE_DEPENDENCY("A recorded fact is not dated before the fact it depends on."),
    ID_ALREADY_RECORDED("The id of an entry (delivery, payment, breach, dispute, evaluation, rectification, "
            + "communication) is used once in its contract or supplier relationship.");

    private final String statement;

    CommonRule(String statement) {
        this.statement = statement;
    }

    @Override
    public String statement() {
        return statement;
    }
}
