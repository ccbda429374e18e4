package com.contractledger.query.risk;

import com.contractledger.query.common.DateParameters;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Instant;

/** Supplier risk for every reading role: one supplier's score with its reasons, and the suppliers at a level. */
@RestController
class SupplierRiskController {

    private final QueryGateway queryGateway;
    private final Clock clock;

    SupplierRiskController(QueryGateway queryGateway, Clock clock) {
        this.queryGateway = queryGateway;
        this.clock = clock;
    }

    /** The risk now, or with {@code asOf} as the ledger knew it at that past instant. */
    @GetMapping("/api/suppliers/{supplierId}/risk")
    SupplierRisk one(@PathVariable String supplierId, @RequestParam(required = false) String asOf) {
        Instant now = clock.instant();
        Instant at = DateParameters.instant("asOf", asOf);
        if (at != null && at.isAfter(now)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "asOf must not be in the future; it is " + now);
        }
        FindSupplierRiskQuery query = at == null ? FindSupplierRiskQuery.now(supplierId, now)
                : new FindSupplierRiskQuery(supplierId, at, true);
        return Queries.ask(queryGateway, query, ResponseTypes.optionalInstanceOf(SupplierRisk.class))
                .orElseThrow(() -> Queries.notFound(at == null ? "supplier " + supplierId
                        : "supplier " + supplierId + " at " + at));
    }

    /** Suppliers at or above {@code level}, riskiest first; {@code category} narrows them. */
    @GetMapping("/api/risk")
    SupplierRiskPage atLevel(@RequestParam(required = false) SupplierRisk.Level level,
                             @RequestParam(required = false) String category,
                             @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Queries.ask(queryGateway, new FindSupplierRisksQuery(level, category, clock.instant(), paging.page(),
                paging.size()), ResponseTypes.instanceOf(SupplierRiskPage.class));
    }
}
