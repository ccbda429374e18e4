package com.contractledger.query.scorecard;

import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupplierScorecardController {

    private final QueryGateway queryGateway;

    SupplierScorecardController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/suppliers/{supplierId}/scorecard")
    SupplierScorecardView scorecard(@PathVariable String supplierId) {
        return Queries.ask(queryGateway, new FindSupplierScorecardQuery(supplierId),
                        ResponseTypes.optionalInstanceOf(SupplierScorecardView.class))
                .orElseThrow(() -> Queries.notFound("supplier " + supplierId));
    }

    /**
     * A page of the supplier's deliveries over all its contracts, in the order they were recorded: those after stream
     * position {@code after}.
     */
    @GetMapping("/api/suppliers/{supplierId}/deliveries")
    SupplierDeliveriesView deliveries(@PathVariable String supplierId, @RequestParam(required = false) Long after,
                                      @RequestParam(required = false) Integer size) {
        Paging.After page = Paging.After.of(after, size, SupplierScorecardProjection.PAGE_SIZE,
                SupplierScorecardProjection.PAGE_SIZE);
        return Queries.ask(queryGateway, new FindSupplierDeliveriesQuery(supplierId, page.after(), page.size()),
                        ResponseTypes.optionalInstanceOf(SupplierDeliveriesView.class))
                .orElseThrow(() -> Queries.notFound("supplier " + supplierId));
    }
}
