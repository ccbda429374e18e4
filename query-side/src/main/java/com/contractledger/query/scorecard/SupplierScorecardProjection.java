package com.contractledger.query.scorecard;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.query.common.EvaluationSummary;
import com.contractledger.query.common.DeliveredTotals;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Entries;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Supplier scorecards. Formula version 1, over every contract of the supplier:
 * <ul>
 *   <li>on-time delivery rate = (deliveries − late deliveries) ÷ deliveries, a delivery being late when its event
 *   says so;</li>
 *   <li>quality pass rate = Σ accepted quantity ÷ Σ delivered quantity over all delivery lines;</li>
 *   <li>disputes open = opened − resolved; disputes total = opened;</li>
 * </ul>
 * rates rounded half-up to 4 decimals. The credit rating, tier and grade are the latest recorded; the latest
 * evaluation is the one with the latest period end. Each delivery is also kept as a {@link SupplierDelivery}, against
 * the due date of its milestone in the terms then in force, for charting the supplier's record over time.
 */
@Component
@ProcessingGroup(SupplierScorecardProjection.PROCESSING_GROUP)
public class SupplierScorecardProjection extends Projection {

    public static final String PROCESSING_GROUP = "supplier-scorecards";
    public static final String FORMULA_VERSION = "1";
    /** Deliveries per page when none is asked for, and at most. */
    public static final int PAGE_SIZE = 500;
    /** 1: deliveries and the milestones' due dates kept (0 had neither, so a store of 0 is rebuilt). */
    private static final int LAYOUT = 1;

    private final Views<ContractScoreSource> contracts;
    private final Views<SupplierScoreSource> suppliers;
    private final Views<ContractMilestones> milestones;
    private final Entries<SupplierDelivery> deliveries;

    public SupplierScorecardProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, null).layout(LAYOUT));
        contracts = readModel.views(ContractScoreSource.COLLECTION, ContractScoreSource.class,
                ContractScoreSource::id).index(new Index().on("supplierId", Sort.Direction.ASC));
        suppliers = readModel.views(SupplierScoreSource.COLLECTION, SupplierScoreSource.class,
                SupplierScoreSource::id);
        milestones = readModel.views(ContractMilestones.COLLECTION, ContractMilestones.class,
                ContractMilestones::id);
        deliveries = readModel.entries(SupplierDelivery.COLLECTION, SupplierDelivery.class)
                .index(new Index().on("supplierId", Sort.Direction.ASC).on("position", Sort.Direction.ASC));
    }

    @EventHandler
    public void on(SupplierOnboardedEvent event, EventMessage<?> message) {
        suppliers.put(message, new SupplierScoreSource(event.supplierId().value(), event.tier(), null, null, 0,
                EventContext.of(message).sequence()));
    }

    @EventHandler
    public void on(SupplierCreditAssessedEvent event, EventMessage<?> message) {
        updateSupplier(message, s -> new SupplierScoreSource(s.id(), s.tier(), event.rating(), s.latestEvaluation(),
                s.evaluations(), s.lastSequence()));
    }

    @EventHandler
    public void on(SupplierTierChangedEvent event, EventMessage<?> message) {
        updateSupplier(message, s -> new SupplierScoreSource(s.id(), event.tier(), s.creditRating(),
                s.latestEvaluation(), s.evaluations(), s.lastSequence()));
    }

    @EventHandler
    public void on(SupplierPerformanceEvaluatedEvent event, EventMessage<?> message) {
        updateSupplier(message, s -> new SupplierScoreSource(s.id(), s.tier(), s.creditRating(),
                EvaluationSummary.latest(s.latestEvaluation(), EvaluationSummary.of(event)), s.evaluations() + 1,
                s.lastSequence()));
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        long sequence = EventContext.of(message).sequence();
        contracts.put(message, ContractScoreSource.drafted(event.contractId().value(), event.supplierId().value(),
                sequence));
        milestones.put(message, ContractMilestones.of(event.contractId().value(), event.supplierId().value(),
                event.terms(), sequence));
    }

    @EventHandler
    public void on(ContractAmendedEvent event, EventMessage<?> message) {
        newTerms(message, event.terms());
    }

    @EventHandler
    public void on(ContractRenewedEvent event, EventMessage<?> message) {
        newTerms(message, event.terms());
    }

    @EventHandler
    public void on(ContractDeliveredEvent event, EventMessage<?> message) {
        DeliveredTotals totals = DeliveredTotals.of(event.lines());
        BigDecimal delivered = totals.delivered();
        BigDecimal accepted = totals.accepted();
        BigDecimal rejected = totals.rejected();
        EventContext context = EventContext.of(message);
        ContractMilestones contract = milestones.find(context.aggregateId()).orElseThrow(() ->
                new IllegalStateException("delivery " + event.deliveryId() + " of unknown contract "
                        + context.aggregateId()));
        deliveries.add(new SupplierDelivery(SupplierDelivery.idOf(context.aggregateId(), event.deliveryId()),
                contract.supplierId(), context.aggregateId(), event.deliveryId(), event.milestoneId(),
                contract.dueOn(event.milestoneId()), event.deliveredOn(), event.daysLate(), !event.late(),
                delivered, accepted, rejected, rate(accepted, delivered), context.sequence(), context.position()));
        updateContract(message, (c, sequence) -> c.delivered(event.late(), delivered, accepted, sequence));
    }

    @EventHandler
    public void on(ContractBreachedEvent event, EventMessage<?> message) {
        updateContract(message, (c, sequence) -> c.breached(event.type(), sequence));
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        updateContract(message, (c, sequence) -> c.disputes(1, 0, sequence));
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        updateContract(message, (c, sequence) -> c.disputes(0, 1, sequence));
    }

    @QueryHandler
    public Optional<SupplierScorecardView> handle(FindSupplierScorecardQuery query) {
        SupplierScoreSource supplier = suppliers.served(query.supplierId()).orElse(null);
        if (supplier == null) {
            return Optional.empty();
        }
        List<ContractScoreSource> contracts = this.contracts.find(
                Query.query(where("supplierId").is(query.supplierId())));
        int deliveries = 0;
        int late = 0;
        int opened = 0;
        int resolved = 0;
        BigDecimal delivered = BigDecimal.ZERO;
        BigDecimal accepted = BigDecimal.ZERO;
        Map<BreachType, Integer> breaches = new EnumMap<>(BreachType.class);
        for (ContractScoreSource contract : contracts) {
            deliveries += contract.deliveries();
            late += contract.lateDeliveries();
            delivered = delivered.add(contract.deliveredQuantity());
            accepted = accepted.add(contract.acceptedQuantity());
            opened += contract.disputesOpened();
            resolved += contract.disputesResolved();
            contract.breaches().forEach(type -> breaches.merge(type, 1, Integer::sum));
        }
        EvaluationSummary evaluation = supplier.latestEvaluation();
        return Optional.of(new SupplierScorecardView(supplier.id(), FORMULA_VERSION, contracts.size(), deliveries,
                late, rate(BigDecimal.valueOf(deliveries - late), BigDecimal.valueOf(deliveries)), delivered,
                accepted, rate(accepted, delivered), breaches.values().stream().mapToInt(Integer::intValue).sum(),
                breaches, opened - resolved, opened, supplier.creditRating(), supplier.tier(),
                evaluation == null ? null : evaluation.grade(), evaluation, supplier.evaluations()));
    }

    @QueryHandler
    public Optional<SupplierDeliveriesView> handle(FindSupplierDeliveriesQuery query) {
        if (suppliers.served(query.supplierId()).isEmpty()) {
            return Optional.empty();
        }
        List<SupplierDelivery> found = deliveries.find(Query.query(where("supplierId").is(query.supplierId())
                        .and("position").gt(query.after()))
                .with(Sort.by("position")).limit(query.size() + 1));
        List<SupplierDelivery> page = found.subList(0, Math.min(query.size(), found.size()));
        Long nextAfter = found.size() > query.size() ? page.get(page.size() - 1).position() : null;
        return Optional.of(new SupplierDeliveriesView(query.supplierId(), page, nextAfter));
    }

    private static BigDecimal rate(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null : part.divide(whole, 4, RoundingMode.HALF_UP);
    }

    private interface ContractChange {
        ContractScoreSource apply(ContractScoreSource current, long sequence);
    }

    private void updateContract(EventMessage<?> message, ContractChange change) {
        long sequence = EventContext.of(message).sequence();
        contracts.update(message, current -> change.apply(current, sequence));
    }

    private void newTerms(EventMessage<?> message, ContractTerms terms) {
        long sequence = EventContext.of(message).sequence();
        milestones.update(message, current -> ContractMilestones.of(current.id(), current.supplierId(), terms,
                sequence));
    }

    private void updateSupplier(EventMessage<?> message, UnaryOperator<SupplierScoreSource> change) {
        long sequence = EventContext.of(message).sequence();
        suppliers.update(message, current -> {
            SupplierScoreSource changed = change.apply(current);
            return new SupplierScoreSource(changed.id(), changed.tier(), changed.creditRating(),
                    changed.latestEvaluation(), changed.evaluations(), sequence);
        });
    }
}
