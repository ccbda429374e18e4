package com.contractledger.query.spend;

import com.contractledger.query.common.Queries;
import com.contractledger.query.spend.FindSpendQuery.GroupBy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.Locale;

@RestController
class SpendController {

    private final QueryGateway queryGateway;

    SpendController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/analytics/spend")
    SpendReport spend(@RequestParam String groupBy) {
        GroupBy grouping = Arrays.stream(GroupBy.values())
                .filter(candidate -> candidate.name().toLowerCase(Locale.ROOT).equals(groupBy))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "groupBy must be supplier, category or month"));
        return Queries.ask(queryGateway, new FindSpendQuery(grouping), ResponseTypes.instanceOf(SpendReport.class));
    }
}
