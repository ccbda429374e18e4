package com.contractledger.query.summary;

import java.util.List;

/** One page of contract summaries: {@code page} is 0-based, {@code total} counts every match. */
public record ContractSummaryPage(List<ContractSummaryView> items, int page, int size, long total) {
}
