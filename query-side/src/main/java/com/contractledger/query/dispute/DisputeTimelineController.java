package com.contractledger.query.dispute;

import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import com.contractledger.query.dispute.DisputeQueries.FindContractDisputesQuery;
import com.contractledger.query.dispute.DisputeQueries.FindDisputesQuery;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummaryQuery;
import com.contractledger.query.summary.ContractSummaryView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class DisputeTimelineController {

    private final QueryGateway queryGateway;

    DisputeTimelineController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/contracts/{contractId}/disputes")
    List<DisputeTimelineView> ofContract(@PathVariable String contractId) {
        Queries.ask(queryGateway, new FindContractSummaryQuery(contractId),
                        ResponseTypes.optionalInstanceOf(ContractSummaryView.class))
                .orElseThrow(() -> Queries.notFound("contract " + contractId));
        return Queries.ask(queryGateway, new FindContractDisputesQuery(contractId),
                ResponseTypes.instanceOf(ContractDisputes.class)).disputes();
    }

    @GetMapping("/api/disputes")
    DisputeTimelinePage all(@RequestParam(required = false) DisputeTimelineView.Status status,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Queries.ask(queryGateway, new FindDisputesQuery(status, paging.page(), paging.size()),
                ResponseTypes.instanceOf(DisputeTimelinePage.class));
    }
}
