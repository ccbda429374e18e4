package com.contractledger.query.risk;

import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.risk.RiskFormula.Dependence;
import com.contractledger.query.webhook.WebhookNotices;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

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

    private final Views<RiskSupplier> suppliers;
    private final Views<RiskContract> contracts;
    private final Clock clock;
    private final EventStore eventStore;
    private final RiskAnnouncements announcements;

    @Autowired
    public SupplierRiskProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                                  Clock clock, EventStore eventStore, ObjectProvider<WebhookNotices> notices) {
        this(mongo, changes, generations, clock, eventStore, notices.getIfAvailable());
    }

    /** {@code notices} null: no webhooks. */
    public SupplierRiskProjection(MongoTemplate mongo, ReadModelChangeLog changes, ReadModelGenerations generations,
                                  Clock clock, EventStore eventStore, WebhookNotices notices) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, changes));
        this.clock = clock;
        this.eventStore = eventStore;
        announcements = new RiskAnnouncements(mongo, changes, notices);
        suppliers = readModel.views(RiskSupplier.COLLECTION, RiskSupplier.class, RiskSupplier::id)
                .index(new Index().on("categories", Sort.Direction.ASC));
        contracts = readModel.views(RiskContract.COLLECTION, RiskContract.class, RiskContract::id)
                .index(new Index().on("supplierId", Sort.Direction.ASC));
    }

    @Override
    public void createIndexes() {
        super.createIndexes();
        announcements.createIndexes();
    }

    /** Every event of a supplier relationship or a contract, as {@link RiskFacts} reads it. */
    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        Evidence evidence = Evidence.of(message);
        if (event.getClass().getPackageName().equals(SupplierId.class.getPackageName())) {
            Optional<RiskSupplier> known = suppliers.find(context.aggregateId());
            RiskSupplier facts = RiskFacts.supplier(known.orElse(null), event, evidence);
            if (facts != null && !facts.equals(known.orElse(null))) {
                suppliers.put(message, facts);
                announceLevel(message, facts.id());
            }
        } else if (event.getClass().getPackageName().equals(ContractId.class.getPackageName())) {
            Optional<RiskContract> known = contracts.find(context.aggregateId());
            RiskContract facts = RiskFacts.contract(known.orElse(null), event, evidence,
                    context.occurredAt().toEpochMilli());
            if (facts != null && !facts.equals(known.orElse(null))) {
                contracts.put(message, facts);
                announceLevel(message, facts.supplierId());
            }
        }
    }

    /**
     * The risk now from the views, or at a past instant from the events stored up to it, read again from the event
     * store and applied as the projection applies them; the contracts are the supplier's, and for dependence those
     * of the suppliers now in its categories.
     */
    @QueryHandler
    public Optional<SupplierRisk> handle(FindSupplierRiskQuery query) {
        if (!query.pointInTime()) {
            return suppliers.served(query.supplierId()).map(supplier -> risk(supplier, query.at()));
        }
        return supplierAt(query.supplierId(), query.at()).map(supplier -> {
            List<RiskContract> own = contractsAt(supplier.id(), query.at());
            return RiskFormula.of(supplier, own, dependence(supplier, own, category -> suppliers.find(
                    Query.query(where("categories").is(category))).stream()
                    .flatMap(peer -> supplierAt(peer.id(), query.at()).stream())
                    .filter(peer -> peer.categories().contains(category))
                    .flatMap(peer -> contractsAt(peer.id(), query.at()).stream()).toList()), query.at());
        });
    }

    private Optional<RiskSupplier> supplierAt(String supplierId, Instant at) {
        RiskSupplier[] facts = {null};
        storedUpTo(supplierId, at, (event, message) -> facts[0] = RiskFacts.supplier(facts[0], event,
                Evidence.of(message)));
        return Optional.ofNullable(facts[0]);
    }

    private List<RiskContract> contractsAt(String supplierId, Instant at) {
        List<RiskContract> found = new ArrayList<>();
        for (RiskContract now : contracts.find(Query.query(where("supplierId").is(supplierId)))) {
            RiskContract[] facts = {null};
            storedUpTo(now.id(), at, (event, message) -> facts[0] = RiskFacts.contract(facts[0], event,
                    Evidence.of(message), message.getTimestamp().toEpochMilli()));
            if (facts[0] != null) {
                found.add(facts[0]);
            }
        }
        return found;
    }

    private void storedUpTo(String aggregateId, Instant at,
                            BiConsumer<Object, DomainEventMessage<?>> apply) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(at)) {
                return;
            }
            apply.accept(event.getPayload(), event);
        }
    }

    @QueryHandler
    public RiskLevel handle(FindRiskLevelQuery query) {
        return announcements.level(query.supplierId());
    }

    @QueryHandler
    public SupplierRiskPage handle(FindSupplierRisksQuery query) {
        Query suppliersAsked = query.category() == null ? new Query()
                : Query.query(where("categories").is(query.category()));
        Map<String, List<RiskContract>> inCategory = new HashMap<>();
        List<SupplierRisk> atOrAbove = suppliers.find(suppliersAsked.with(Sort.by("_id"))).stream()
                .map(supplier -> risk(supplier, query.at(), inCategory))
                .filter(risk -> query.level() == null || risk.level().compareTo(query.level()) >= 0)
                .sorted(Comparator.comparingInt(SupplierRisk::score).reversed()
                        .thenComparing(SupplierRisk::supplierId)).toList();
        int from = Math.min(atOrAbove.size(), query.page() * query.size());
        return new SupplierRiskPage(atOrAbove.subList(from, Math.min(atOrAbove.size(), from + query.size())),
                query.page(), query.size(), atOrAbove.size());
    }

    private SupplierRisk risk(RiskSupplier supplier, Instant at) {
        return risk(supplier, at, new HashMap<>());
    }

    /** {@code inCategory}: the contracts of each category's suppliers, read once for all the suppliers asked. */
    private SupplierRisk risk(RiskSupplier supplier, Instant at, Map<String, List<RiskContract>> inCategory) {
        List<RiskContract> own = contracts.find(Query.query(where("supplierId").is(supplier.id())));
        return RiskFormula.of(supplier, own, dependence(supplier, own, category -> inCategory.computeIfAbsent(category,
                key -> contracts.find(Query.query(where("supplierId").in(suppliers.find(
                        Query.query(where("categories").is(key))).stream().map(RiskSupplier::id).toList()))))), at);
    }

    /**
     * The largest share the supplier holds of the signed contracts' value in one of its categories and currencies;
     * {@code inCategory} gives the contracts of every supplier in a category.
     */
    private static Dependence dependence(RiskSupplier supplier, List<RiskContract> own,
                                         Function<String, List<RiskContract>> inCategory) {
        Dependence largest = Dependence.NONE;
        if (own.stream().noneMatch(RiskContract::signed)) {
            return largest; // holds no share of any spend: the category's contracts need not be read
        }
        for (String category : supplier.categories()) {
            Map<String, BigDecimal> spend = inCategory.apply(category).stream()
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

    /**
     * Once the batch is written, the supplier's level now, once per supplier and batch (with the batch's last event of
     * the supplier), announced if it moved ({@link RiskAnnouncements}).
     */
    private void announceLevel(EventMessage<?> message, String supplierId) {
        String eventId = EventContext.of(message).eventId();
        readModel.afterWrite(message, supplierId, () -> announceLevel(supplierId, eventId));
    }

    /**
     * The supplier's level now, from the views as the API serves them, announced if it moved: {@code eventId} the
     * event that moved it, or null when the passing of time did.
     */
    private void announceLevel(String supplierId, String eventId) {
        announcements.announce(supplierId, () -> suppliers.served(supplierId)
                .map(supplier -> risk(supplier, clock.instant())), eventId);
    }

    /**
     * Re-evaluates, as after an event, the level of each supplier whose figures turned with time since {@code since}
     * (a day: a breach left its window, a rectification fell overdue, a certification neared or passed its expiry),
     * or with any day before today when {@code since} is null, and announces those that moved; then announces any
     * move whose announcement an instance stopped before making. Returns today, the {@code since} of the next run.
     */
    LocalDate reevaluate(LocalDate since) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Predicate<LocalDate> turned = day -> !day.isAfter(today) && (since == null || day.isAfter(since));
        Set<String> turning = new TreeSet<>();
        suppliers.find(new Query()).stream().filter(supplier -> RiskFormula.turningDays(supplier).anyMatch(turned))
                .forEach(supplier -> turning.add(supplier.id()));
        contracts.find(Query.query(where("breaches.responsibleParty").is(ResponsibleParty.SUPPLIER.name()))).stream()
                .filter(contract -> RiskFormula.turningDays(contract).anyMatch(turned))
                .forEach(contract -> turning.add(contract.supplierId()));
        turning.forEach(supplierId -> announceLevel(supplierId, null));
        announcements.announcePending(now);
        return today;
    }

    private static String currency(RiskContract contract) {
        return contract.ordered().currency().getCurrencyCode();
    }

}
