package com.contractledger.query.risk;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.common.Money;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.risk.SupplierRisk.Factor;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.webhook.WebhookNotices;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;

/**
 * A risk projection over an in-memory store whose clock reads {@link #AT}, and the events a risk scenario is made of.
 * The projection is driven by calling its handlers; each applied event is also stored, for the risk of a past instant.
 */
abstract class SupplierRiskFixture {

    static final Instant AT = Instant.parse("2026-12-20T12:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    final ReadModelChangeLog changes = mongo.changeLog();
    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
    final SupplierRiskProjection projection = new SupplierRiskProjection(mongo.template(), changes,
            mongo.generations(), Clock.fixed(AT, ZoneOffset.UTC),
            EmbeddedEventStore.builder().storageEngine(stored).build(), (WebhookNotices) null);
    final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();
    final List<TrackedEventMessage<?>> applied = new ArrayList<>();

    @AfterEach
    void stop() {
        changes.stop();
        mongo.close();
    }

    TrackedEventMessage<?> apply(String aggregateId, Object payload) {
        TrackedEventMessage<?> message = events.of(aggregateId, payload);
        stored.appendEvents(List.of(message));
        handlers.apply(message);
        applied.add(message);
        return message;
    }

    SupplierRisk risk(String supplierId) {
        return projection.handle(FindSupplierRiskQuery.now(supplierId, AT)).orElseThrow();
    }

    static Factor factor(SupplierRisk risk, String name) {
        return risk.factors().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    void supplierWithSignedContract(String supplierId, String contractId, String... categories) {
        apply(supplierId, onboarded(supplierId, SupplierTier.KEY, "East China", categories));
        apply(contractId, drafted(contractId, supplierId));
        apply(contractId, signed(contractId));
    }

    void credit(String supplierId, CreditRating rating) {
        apply(supplierId, new SupplierCreditAssessedEvent(SupplierId.of(supplierId), rating, 58,
                FactorAssessment.WEAK, FactorAssessment.FAIR, FactorAssessment.GOOD, CreditSource.AGENCY,
                LocalDate.parse("2026-11-01"), rating.requiresStricterTerms()));
    }

    ContractBreachedEvent breach(String breachId, ResponsibleParty party, String occurredOn) {
        return new ContractBreachedEvent(ContractId.of("ct-1"), breachId, BreachType.OTHER, party, "late drawings",
                null, LocalDate.parse(occurredOn), Money.of("0.00", "CNY"), null);
    }

    void rectification(String id, String dueOn, RectificationOutcome outcome) {
        apply("sup-001", new RectificationRequestedEvent(SupplierId.of("sup-001"), id, "defects",
                LocalDate.parse(dueOn), LocalDate.parse(dueOn).minusDays(14)));
        if (outcome != null) {
            apply("sup-001", new RectificationCompletedEvent(SupplierId.of("sup-001"), id, outcome, "done",
                    LocalDate.parse(dueOn).minusDays(1)));
        }
    }
}
