package com.contractledger.query.scorecard;

import com.contractledger.query.common.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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
}
