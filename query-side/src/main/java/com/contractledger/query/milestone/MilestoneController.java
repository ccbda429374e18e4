package com.contractledger.query.milestone;

import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.query.common.DateParameters;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

@RestController
class MilestoneController {

    private final QueryGateway queryGateway;

    MilestoneController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/api/milestones")
    MilestonePage list(@RequestParam(required = false) MilestoneView.Status status,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate dueBefore,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        return Queries.ask(queryGateway, new FindMilestonesQuery(status,
                        DateParameters.within("dueBefore", dueBefore), paging.page(), paging.size()),
                ResponseTypes.instanceOf(MilestonePage.class));
    }

    /** The reminders raised, newest first: of a kind, about one contract or supplier, since an instant. */
    @GetMapping("/api/reminders")
    ReminderPage reminders(@RequestParam(required = false) ReminderKind kind,
                           @RequestParam(required = false) String aggregateId,
                           @RequestParam(required = false) String since,
                           @RequestParam(required = false) Integer page,
                           @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        Instant from = DateParameters.instant("since", since);
        return Queries.ask(queryGateway, new FindRemindersQuery(kind, aggregateId, from, paging.page(), paging.size()),
                ResponseTypes.instanceOf(ReminderPage.class));
    }
}
