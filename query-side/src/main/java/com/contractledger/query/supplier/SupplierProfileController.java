package com.contractledger.query.supplier;

import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import com.contractledger.query.risk.FindRiskLevelQuery;
import com.contractledger.query.risk.RiskLevel;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfileQuery;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfilesQuery;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@RequestMapping("/api/suppliers")
class SupplierProfileController {

    private final QueryGateway queryGateway;

    SupplierProfileController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    SupplierProfilePage list(@RequestParam(required = false) SupplierTier tier,
                                       @RequestParam(required = false) String category,
                                       @RequestParam(required = false) String region,
                                       @RequestParam(required = false) SupplierStatus status,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Queries.ask(queryGateway, new FindSupplierProfilesQuery(tier, category, region, status, paging.page(),
                paging.size()), ResponseTypes.instanceOf(SupplierProfilePage.class));
    }

    /**
     * The profile, with the supplier's risk level as last announced on the risk stream and since when (LOW before any
     * announcement): one indexed lookup, where computing the risk would read every contract of its categories.
     */
    record SupplierProfileReply(@JsonUnwrapped SupplierProfileView profile, RiskLevel risk) {
    }

    @GetMapping("/{supplierId}")
    SupplierProfileReply one(@PathVariable String supplierId) {
        SupplierProfileView profile = Queries.ask(queryGateway, new FindSupplierProfileQuery(supplierId),
                        ResponseTypes.optionalInstanceOf(SupplierProfileView.class))
                .orElseThrow(() -> Queries.notFound("supplier " + supplierId));
        return new SupplierProfileReply(profile, Queries.ask(queryGateway, new FindRiskLevelQuery(supplierId),
                ResponseTypes.instanceOf(RiskLevel.class)));
    }
}
