package com.contractledger.query.spend;

public record FindSpendQuery(GroupBy groupBy) {

    public enum GroupBy { SUPPLIER, CATEGORY, MONTH }
}
