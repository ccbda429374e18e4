package com.contractledger.query.supplier;

import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import com.contractledger.query.risk.FindSupplierRiskQuery;
import com.contractledger.query.risk.SupplierRisk;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfileQuery;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfilesQuery;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

@RestController
@RequestMapping("/api/suppliers")
class SupplierProfileController {

    private final QueryGateway queryGateway;
    private final Clock clock;

    SupplierProfileController(QueryGateway queryGateway, ObjectProvider<Clock> clock) {
        this.queryGateway = queryGateway;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
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

    /** The profile, with the supplier's risk now (null until the risk projection has seen the supplier). */
    record SupplierProfileReply(@JsonUnwrapped SupplierProfileView profile, RiskSummary risk) {
    }

    record RiskSummary(int score, SupplierRisk.Level level, String formulaVersion) {
    }

    @GetMapping("/{supplierId}")
    SupplierProfileReply one(@PathVariable String supplierId) {
        SupplierProfileView profile = Queries.ask(queryGateway, new FindSupplierProfileQuery(supplierId),
                        ResponseTypes.optionalInstanceOf(SupplierProfileView.class))
                .orElseThrow(() -> Queries.notFound("supplier " + supplierId));
        RiskSummary risk = Queries.ask(queryGateway, FindSupplierRiskQuery.now(supplierId, clock.instant()),
                        ResponseTypes.optionalInstanceOf(SupplierRisk.class))
                .map(found -> new RiskSummary(found.score(), found.level(), found.formulaVersion())).orElse(null);
        return new SupplierProfileReply(profile, risk);
    }
}
