package com.contractledger.query.admin;

import com.contractledger.api.contract.ContractStatus;
import com.contractledger.query.dispute.DisputeQueries.FindDisputesQuery;
import com.contractledger.query.dispute.DisputeTimelinePage;
import com.contractledger.query.dispute.DisputeTimelineView;
import com.contractledger.query.milestone.FindMilestonesQuery;
import com.contractledger.query.milestone.MilestonePage;
import com.contractledger.query.milestone.MilestoneView;
import com.contractledger.query.summary.ContractSummaryPage;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummariesQuery;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.function.ToDoubleFunction;

/**
 * Gauges read at each scrape: every projection's position, lag behind the head of the store and replay progress, and
 * the domain figures compliance watches — contracts by status, open disputes, overdue milestones — counted by the same
 * queries the API answers.
 */
@Component
class ReadSideMetrics {

    private final ProjectionAdministration administration;
    private final QueryGateway queries;
    private final MeterRegistry registry;

    ReadSideMetrics(ProjectionAdministration administration, QueryGateway queries, MeterRegistry registry) {
        this.administration = administration;
        this.queries = queries;
        this.registry = registry;
    }

    /** Registered once the application is ready: only then are all event processors known. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : administration.names()) {
            projectionGauge(registry, "ledger.projection.position", name, "global position of its slowest segment",
                    status -> orNaN(status.minPosition()));
            projectionGauge(registry, "ledger.projection.lag", name, "events stored but not yet applied",
                    status -> orNaN(status.lag()));
            projectionGauge(registry, "ledger.projection.dead_letters", name,
                    "events parked because the projection could not apply them", status -> orNaN(status.deadLetters()));
            projectionGauge(registry, "ledger.projection.replaying", name, "1 while a replay builds a new generation",
                    status -> status.replaying() ? 1 : 0);
            projectionGauge(registry, "ledger.projection.replay.progress", name, "percent of a running replay",
                    status -> status.replayProgress() == null ? 0 : status.replayProgress());
        }
        for (ContractStatus status : ContractStatus.values()) {
            Gauge.builder("ledger.contracts", this, metrics -> metrics.contracts(status))
                    .tag("status", status.name()).description("contracts by status").register(registry);
        }
        Gauge.builder("ledger.disputes.open", this, ReadSideMetrics::openDisputes)
                .description("disputes not yet resolved").register(registry);
        Gauge.builder("ledger.milestones.overdue", this, ReadSideMetrics::overdueMilestones)
                .description("delivery and payment milestones past due and unmet").register(registry);
    }

    private void projectionGauge(MeterRegistry registry, String metric, String name, String description,
                                 ToDoubleFunction<ProjectionStatus> value) {
        Gauge.builder(metric, administration, admin -> value.applyAsDouble(admin.projection(name)))
                .tag("projection", name).description(description).register(registry);
    }

    private double contracts(ContractStatus status) {
        return queries.query(new FindContractSummariesQuery(null, status, 0, 1),
                ResponseTypes.instanceOf(ContractSummaryPage.class)).join().total();
    }

    private double openDisputes() {
        return queries.query(new FindDisputesQuery(DisputeTimelineView.Status.OPEN, 0, 1),
                ResponseTypes.instanceOf(DisputeTimelinePage.class)).join().total();
    }

    private double overdueMilestones() {
        return queries.query(new FindMilestonesQuery(MilestoneView.Status.OVERDUE, null, 0, 1),
                ResponseTypes.instanceOf(MilestonePage.class)).join().total();
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }
}
