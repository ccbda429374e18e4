package com.contractledger.query.risk;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.query.common.DeliveredTotals;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.common.TermsFigures;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.risk.RiskFormula.Dependence;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The facts each supplier's risk is computed from, per supplier and per contract, each with the events behind it. The
 * score itself is computed when asked ({@link RiskFormula}), at the instant asked: windows such as "breaches in the
 * last 180 days" move with time, not only with events.
 */
@Component
@ProcessingGroup(SupplierRiskProjection.PROCESSING_GROUP)
public class SupplierRiskProjection extends Projection {

    public static final String PROCESSING_GROUP = "supplier-risk";
    /** Announces each change of a supplier's level ({@link RiskLevelChange}), keyed by supplier. */
    public static final String STREAM = "risk";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Views<RiskSupplier> suppliers;
    private final Views<RiskContract> contracts;
    private final ReadModelChangeLog changes;
    private final Clock clock;

    @Autowired
    public SupplierRiskProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                                  ObjectProvider<Clock> clock) {
        this(mongo, changes, generations, clock.getIfAvailable(Clock::systemUTC));
    }

    public SupplierRiskProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                                  Clock clock) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, changes));
        this.changes = changes;
        this.clock = clock;
        suppliers = readModel.views(RiskSupplier.COLLECTION, RiskSupplier.class, RiskSupplier::id)
                .index(new Index().on("categories", Sort.Direction.ASC));
        contracts = readModel.views(RiskContract.COLLECTION, RiskContract.class, RiskContract::id)
                .index(new Index().on("supplierId", Sort.Direction.ASC));
    }

    @EventHandler
    public void on(SupplierOnboardedEvent event, EventMessage<?> message) {
        Evidence evidence = Evidence.of(message);
        suppliers.put(message, new RiskSupplier(event.supplierId().value(), listOf(event.categories()), List.of(),
                List.of(), null, listOf(event.certifications()).stream().map(c -> new RiskSupplier.Certification(
                        c.name(), c.validUntil(), evidence)).toList()));
    }

    @EventHandler
    public void on(SupplierClassifiedEvent event, EventMessage<?> message) {
        suppliers.update(message, s -> s.categorized(listOf(event.categories())));
        announceLevel(message, event.supplierId().value());
    }

    @EventHandler
    public void on(SupplierCreditAssessedEvent event, EventMessage<?> message) {
        suppliers.update(message, s -> s.assessed(new RiskSupplier.Credit(event.rating(), event.assessedOn(),
                Evidence.of(message))));
        announceLevel(message, event.supplierId().value());
    }

    @EventHandler
    public void on(RectificationRequestedEvent event, EventMessage<?> message) {
        suppliers.update(message, s -> s.rectification(new RiskSupplier.Rectification(event.rectificationId(),
                event.dueOn(), null, List.of(Evidence.of(message)))));
        announceLevel(message, event.supplierId().value());
    }

    @EventHandler
    public void on(RectificationCompletedEvent event, EventMessage<?> message) {
        suppliers.update(message, s -> s.rectificationCompleted(event.rectificationId(), event.outcome(),
                Evidence.of(message)));
        announceLevel(message, event.supplierId().value());
    }

    @EventHandler
    public void on(SupplierPerformanceEvaluatedEvent event, EventMessage<?> message) {
        suppliers.update(message, s -> s.evaluated(new RiskSupplier.Evaluation(event.grade(), event.periodEnd(),
                Evidence.of(message))));
        announceLevel(message, event.supplierId().value());
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        contracts.put(message, RiskContract.drafted(event.contractId().value(), event.supplierId().value(),
                new Money(TermsFigures.orderedValue(event.terms()), event.currency()), Evidence.of(message)));
    }

    @EventHandler
    public void on(ContractSignedEvent event, EventMessage<?> message) {
        contracts.update(message, RiskContract::sign);
        announceLevelOfContract(message);
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
        EventContext context = EventContext.of(message);
        contracts.update(message, c -> c.delivered(new RiskContract.Delivery(event.deliveredOn(), context.position(),
                event.late(), event.daysLate(), totals.delivered(), totals.rejected(), Evidence.of(message))));
        announceLevelOfContract(message);
    }

    @EventHandler
    public void on(ContractBreachedEvent event, EventMessage<?> message) {
        contracts.update(message, c -> c.breached(new RiskContract.Breach(event.type(), event.responsibleParty(),
                event.occurredOn(), Evidence.of(message))));
        announceLevelOfContract(message);
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        contracts.update(message, c -> c.disputeOpened(event.disputeId(), event.stage(), Evidence.of(message)));
        announceLevelOfContract(message);
    }

    @EventHandler
    public void on(DisputeEscalatedEvent event, EventMessage<?> message) {
        contracts.update(message, c -> c.dispute(event.disputeId(), d -> new RiskContract.Dispute(d.disputeId(),
                event.to(), d.open(), plus(d.evidence(), Evidence.of(message)))));
        announceLevelOfContract(message);
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        contracts.update(message, c -> c.dispute(event.disputeId(), d -> new RiskContract.Dispute(d.disputeId(),
                d.stage(), false, plus(d.evidence(), Evidence.of(message)))));
        announceLevelOfContract(message);
    }

    @QueryHandler
    public Optional<SupplierRisk> handle(FindSupplierRiskQuery query) {
        return suppliers.served(query.supplierId()).map(supplier -> risk(supplier, query.at()));
    }

    @QueryHandler
    public SupplierRiskPage handle(FindSupplierRisksQuery query) {
        Query suppliersAsked = query.category() == null ? new Query()
                : Query.query(where("categories").is(query.category()));
        List<SupplierRisk> atOrAbove = suppliers.find(suppliersAsked.with(Sort.by("_id"))).stream()
                .map(supplier -> risk(supplier, query.at()))
                .filter(risk -> query.level() == null || risk.level().compareTo(query.level()) >= 0)
                .sorted(Comparator.comparingInt(SupplierRisk::score).reversed()
                        .thenComparing(SupplierRisk::supplierId)).toList();
        int from = Math.min(atOrAbove.size(), query.page() * query.size());
        return new SupplierRiskPage(atOrAbove.subList(from, Math.min(atOrAbove.size(), from + query.size())),
                query.page(), query.size(), atOrAbove.size());
    }

    private SupplierRisk risk(RiskSupplier supplier, Instant at) {
        List<RiskContract> own = contracts.find(Query.query(where("supplierId").is(supplier.id())));
        return RiskFormula.of(supplier, own, dependence(supplier, own), at);
    }

    /** The largest share the supplier holds of the signed contracts' value in one of its categories and currencies. */
    private Dependence dependence(RiskSupplier supplier, List<RiskContract> own) {
        Dependence largest = Dependence.NONE;
        for (String category : supplier.categories()) {
            List<String> inCategory = suppliers.find(Query.query(where("categories").is(category))).stream()
                    .map(RiskSupplier::id).toList();
            Map<String, BigDecimal> spend = contracts.find(Query.query(where("supplierId").in(inCategory))).stream()
                    .filter(RiskContract::signed).collect(Collectors.groupingBy(SupplierRiskProjection::currency,
                            Collectors.reducing(BigDecimal.ZERO, c -> c.ordered().amount(), BigDecimal::add)));
            Map<String, List<RiskContract>> held = own.stream().filter(RiskContract::signed)
                    .collect(Collectors.groupingBy(SupplierRiskProjection::currency));
            for (Map.Entry<String, List<RiskContract>> currency : held.entrySet()) {
                BigDecimal mine = currency.getValue().stream().map(c -> c.ordered().amount())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal all = spend.getOrDefault(currency.getKey(), BigDecimal.ZERO);
                if (all.signum() > 0) {
                    BigDecimal share = mine.divide(all, 4, RoundingMode.HALF_UP);
                    if (share.compareTo(largest.share()) > 0) {
                        largest = new Dependence(category, currency.getKey(), share, currency.getValue().stream()
                                .map(RiskContract::orderedBy).toList());
                    }
                }
            }
        }
        return largest;
    }

    private void newTerms(EventMessage<?> message, ContractTerms terms) {
        contracts.update(message, c -> c.ordered(new Money(TermsFigures.orderedValue(terms),
                c.ordered().currency()), Evidence.of(message)));
        announceLevelOfContract(message);
    }

    private void announceLevelOfContract(EventMessage<?> message) {
        contracts.find(EventContext.of(message).aggregateId())
                .ifPresent(contract -> announceLevel(message, contract.supplierId()));
    }

    /**
     * Once the batch is written, the supplier's level now; announced on {@value #STREAM} when it differs from the last
     * one announced (LOW before any). Every instance that handles an event of the supplier may announce, so a change
     * can be announced twice, never missed.
     */
    private void announceLevel(EventMessage<?> message, String supplierId) {
        EventContext context = EventContext.of(message);
        readModel.afterWrite(message, () -> suppliers.served(supplierId).ifPresent(supplier -> {
            SupplierRisk risk = risk(supplier, clock.instant());
            SupplierRisk.Level previous = changes.latest(STREAM, supplierId).map(change -> levelIn(change.view()))
                    .orElse(SupplierRisk.Level.LOW);
            if (risk.level() != previous) {
                changes.record(context, STREAM, supplierId, new RiskLevelChange(supplierId, previous, risk.level(),
                        risk.score(), context.eventId(), risk.asOf()));
            }
        }));
    }

    private static SupplierRisk.Level levelIn(String change) {
        try {
            return SupplierRisk.Level.valueOf(JSON.readTree(change).get("to").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable risk change " + change, e);
        }
    }

    private static String currency(RiskContract contract) {
        return contract.ordered().currency().getCurrencyCode();
    }

    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : items;
    }

    private static <T> List<T> plus(List<T> items, T item) {
        return Stream.concat(items.stream(), Stream.of(item)).toList();
    }
}
