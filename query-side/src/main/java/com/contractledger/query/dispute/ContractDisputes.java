package com.contractledger.query.dispute;

import java.util.List;

/** The dispute timelines of one contract, oldest first: a record, so that the answer keeps its type on any bus. */
public record ContractDisputes(String contractId, List<DisputeTimelineView> disputes) {
}
