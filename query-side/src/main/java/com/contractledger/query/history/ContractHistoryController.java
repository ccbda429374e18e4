package com.contractledger.query.history;

import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
class ContractHistoryController {

    private final QueryGateway queryGateway;

    ContractHistoryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * A page of the history: the entries after sequence {@code after}. With {@code minVersion}, waits (bounded) until
     * the history holds that version of the contract.
     */
    @GetMapping("/api/contracts/{contractId}/history")
    ResponseEntity<ContractHistoryView> history(@PathVariable String contractId,
                                                @RequestParam(required = false) Long minVersion,
                                                @RequestParam(required = false) Long after,
                                                @RequestParam(required = false) Integer size) {
        Paging.After page = Paging.After.of(after, size, ContractHistoryProjection.PAGE_SIZE,
                ContractHistoryProjection.PAGE_SIZE);
        var query = new FindContractHistoryQuery(contractId, page.after(), page.size());
        if (minVersion == null) {
            return ResponseEntity.ok(find(query).orElseThrow(() -> Queries.notFound("contract " + contractId)));
        }
        var awaited = Queries.awaitUntil(() -> find(query), view -> view.version() >= minVersion);
        ContractHistoryView view = awaited.answer().orElseThrow(() -> Queries.notFound("contract " + contractId));
        return ResponseEntity.ok().header(Queries.CAUGHT_UP_HEADER, String.valueOf(awaited.caughtUp())).body(view);
    }

    private Optional<ContractHistoryView> find(FindContractHistoryQuery query) {
        return Queries.ask(queryGateway, query, ResponseTypes.optionalInstanceOf(ContractHistoryView.class));
    }
}
