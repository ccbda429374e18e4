package com.contractledger.query.dispute;

/** The typed queries the dispute timeline read model answers. */
public final class DisputeQueries {

    private DisputeQueries() {
    }

    public record FindContractDisputesQuery(String contractId) {
    }

    /** {@code status} is an optional filter. */
    public record FindDisputesQuery(DisputeTimelineView.Status status, int page, int size) {
    }
}
