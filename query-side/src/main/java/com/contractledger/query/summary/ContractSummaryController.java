package com.contractledger.query.summary;

import com.contractledger.api.contract.ContractStatus;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummariesQuery;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummaryQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

@RestController
@RequestMapping("/api/contracts")
class ContractSummaryController {

    private final QueryGateway queryGateway;

    ContractSummaryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    ContractSummaryPage list(@RequestParam(required = false) String supplierId,
                                       @RequestParam(required = false) ContractStatus status,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Queries.ask(queryGateway, new FindContractSummariesQuery(supplierId, status, paging.page(),
                paging.size()), ResponseTypes.instanceOf(ContractSummaryPage.class));
    }

    /** With {@code minVersion}, waits (bounded) until the summary reflects that version of the contract. */
    @GetMapping("/{contractId}")
    ResponseEntity<ContractSummaryView> one(@PathVariable String contractId,
                                            @RequestParam(required = false) Long minVersion) {
        if (minVersion == null) {
            return ResponseEntity.ok(find(contractId).orElseThrow(() -> Queries.notFound("contract " + contractId)));
        }
        var awaited = Queries.awaitUntil(() -> find(contractId), view -> view.version() >= minVersion);
        ContractSummaryView view = awaited.answer().orElseThrow(() -> Queries.notFound("contract " + contractId));
        return ResponseEntity.ok().header(Queries.CAUGHT_UP_HEADER, String.valueOf(awaited.caughtUp())).body(view);
    }

    private Optional<ContractSummaryView> find(String contractId) {
        return Queries.ask(queryGateway, new FindContractSummaryQuery(contractId),
                ResponseTypes.optionalInstanceOf(ContractSummaryView.class));
    }
}
