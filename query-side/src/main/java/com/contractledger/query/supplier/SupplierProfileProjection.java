package com.contractledger.query.supplier;

import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.query.common.EvaluationSummary;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfileQuery;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfilesQuery;
import com.contractledger.query.supplier.SupplierProfileView.Credit;
import com.contractledger.query.supplier.SupplierProfileView.Rectification;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Supplier profiles, filtered by tier, category, region and standing. */
@Component
@ProcessingGroup(SupplierProfileProjection.PROCESSING_GROUP)
public class SupplierProfileProjection extends Projection {

    public static final String PROCESSING_GROUP = "supplier-profiles";

    private final Views<SupplierProfileView> profiles;

    public SupplierProfileProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, null));
        profiles = readModel.views(SupplierProfileView.COLLECTION, SupplierProfileView.class, SupplierProfileView::id);
        for (String field : List.of("tier", "categories", "region", "status")) {
            profiles.index(new Index().on(field, Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
        }
    }

    @EventHandler
    public void on(SupplierOnboardedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        profiles.put(message, new SupplierProfileView(event.supplierId().value(), event.legalName(),
                event.registrationNumber(), event.registeredAddress(), event.legalRepresentative(), event.region(),
                listOf(event.categories()), event.scale(), List.of(), event.capabilities(),
                listOf(event.certifications()), listOf(event.contacts()), event.tier(), SupplierStatus.ACTIVE, null,
                null, null, 0, List.of(), 0, null, context.occurredAt(), context.sequence(), context.sequence()));
    }

    @EventHandler
    public void on(SupplierClassifiedEvent event, EventMessage<?> message) {
        update(message, view -> view.withSegment(listOf(event.categories()), event.region(), event.scale(),
                listOf(event.tags()), view.tier()));
    }

    @EventHandler
    public void on(SupplierTierChangedEvent event, EventMessage<?> message) {
        update(message, view -> view.withSegment(view.categories(), view.region(), view.scale(), view.tags(),
                event.tier()));
    }

    @EventHandler
    public void on(SupplierCreditAssessedEvent event, EventMessage<?> message) {
        Credit credit = new Credit(event.rating(), event.score(), event.financialHealth(), event.fulfilmentRecord(),
                event.reputation(), event.source(), event.assessedOn(), event.stricterTermsRequired());
        update(message, view -> view.withPerformance(credit, view.latestEvaluation(), view.evaluations(),
                view.rectifications()));
    }

    @EventHandler
    public void on(SupplierPerformanceEvaluatedEvent event, EventMessage<?> message) {
        update(message, view -> view.withPerformance(view.credit(),
                EvaluationSummary.latest(view.latestEvaluation(), EvaluationSummary.of(event)),
                view.evaluations() + 1, view.rectifications()));
    }

    @EventHandler
    public void on(RectificationRequestedEvent event, EventMessage<?> message) {
        update(message, view -> {
            List<Rectification> rectifications = new ArrayList<>(view.rectifications());
            rectifications.add(new Rectification(event.rectificationId(), event.issue(), event.dueOn(), null, null));
            return view.withPerformance(view.credit(), view.latestEvaluation(), view.evaluations(), rectifications);
        });
    }

    @EventHandler
    public void on(RectificationCompletedEvent event, EventMessage<?> message) {
        update(message, view -> view.withPerformance(view.credit(), view.latestEvaluation(), view.evaluations(),
                view.rectifications().stream().map(r -> r.rectificationId().equals(event.rectificationId())
                        ? new Rectification(r.rectificationId(), r.issue(), r.dueOn(), event.outcome(), event.remarks())
                        : r).toList()));
    }

    @EventHandler
    public void on(SupplierSuspendedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStanding(SupplierStatus.SUSPENDED, event.reason()));
    }

    @EventHandler
    public void on(SupplierReinstatedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStanding(SupplierStatus.ACTIVE, event.reason()));
    }

    @EventHandler
    public void on(SupplierRelationshipTerminatedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStanding(SupplierStatus.TERMINATED, event.reason()));
    }

    @EventHandler
    public void on(SupplierCommunicationLoggedEvent event, EventMessage<?> message) {
        update(message, view -> view.withCommunication(event.occurredAt() != null ? event.occurredAt()
                : message.getTimestamp()));
    }

    @QueryHandler
    public Optional<SupplierProfileView> handle(FindSupplierProfileQuery query) {
        return profiles.served(query.supplierId());
    }

    @QueryHandler
    public SupplierProfilePage handle(FindSupplierProfilesQuery query) {
        Query filter = new Query();
        if (query.tier() != null) {
            filter.addCriteria(where("tier").is(query.tier()));
        }
        if (query.category() != null) {
            filter.addCriteria(where("categories").is(query.category()));
        }
        if (query.region() != null) {
            filter.addCriteria(where("region").is(query.region()));
        }
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        long total = profiles.count(filter);
        Paging paging = new Paging(query.page(), query.size());
        return new SupplierProfilePage(profiles.find(paging.apply(filter, Sort.by("_id"))), query.page(),
                query.size(), total);
    }

    private void update(EventMessage<?> message, UnaryOperator<SupplierProfileView> change) {
        long sequence = EventContext.of(message).sequence();
        profiles.update(message, view -> change.apply(view).applied(sequence));
    }

    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
