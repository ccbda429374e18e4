package com.contractledger.api.supplier;

/** Credit rating, best first. BB or worse makes stricter contract terms mandatory. */
public enum CreditRating {
    AAA, AA, A, BBB, BB, B, CCC, C;

    public boolean requiresStricterTerms() {
        return compareTo(BB) >= 0;
    }
}
