package com.contractledger.query.risk;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ResponsibleParty;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.risk.SupplierRisk.Level;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import com.contractledger.query.webhook.WebhookNotices;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Levels that move only with the passing of time, found by the periodic re-evaluation on a moved clock. The supplier:
 * sole source of its category (5), rated C (10), three breaches of 2026-12-18 (15): 30, MEDIUM since the second breach
 * (25); its ISO 9001 runs to 2027-06-30.
 */
class SupplierRiskReevaluationTest {

    private static final Instant AT = Instant.parse("2026-12-20T12:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ReadModelChangeLog changes = mongo.changeLog();
    private final InMemoryEventStorageEngine stored = new InMemoryEventStorageEngine();
    private final SupplierRiskProjection projection = at(AT);
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();

    @BeforeEach
    void start() {
        changes.start();
        projection.createIndexes();
    }

    @AfterEach
    void stop() {
        changes.stop();
        mongo.close();
    }

    /** The projection of an instance whose clock reads {@code now}: the test moves time by asking at a later one. */
    private SupplierRiskProjection at(Instant now) {
        return new SupplierRiskProjection(mongo.template(), changes, mongo.generations(), Clock.fixed(now,
                ZoneOffset.UTC), EmbeddedEventStore.builder().storageEngine(stored).build(), (WebhookNotices) null);
    }

    private TrackedEventMessage<?> apply(String aggregateId, Object payload) {
        return apply(handlers, aggregateId, payload);
    }

    private TrackedEventMessage<?> apply(AnnotatedHandlers instance, String aggregateId, Object payload) {
        TrackedEventMessage<?> message = events.of(aggregateId, payload);
        stored.appendEvents(List.of(message));
        instance.apply(message);
        return message;
    }

    private TrackedEventMessage<?> mediumSupplier() {
        apply("sup-001", onboarded("sup-001", SupplierTier.KEY, "East China", "fasteners"));
        apply("ct-1", drafted("ct-1", "sup-001"));
        apply("ct-1", signed("ct-1"));
        apply("sup-001", new SupplierCreditAssessedEvent(SupplierId.of("sup-001"), CreditRating.C, 20,
                FactorAssessment.WEAK, FactorAssessment.WEAK, FactorAssessment.WEAK, CreditSource.AGENCY,
                LocalDate.parse("2026-11-01"), true));
        apply("ct-1", breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"));
        TrackedEventMessage<?> medium = apply("ct-1", breached("ct-1", "br-2", BreachType.LATE_DELIVERY, "81.00"));
        apply("ct-1", breached("ct-1", "br-3", BreachType.OTHER, "0.00"));
        return medium;
    }

    private List<JsonNode> announced() throws Exception {
        List<JsonNode> levels = new ArrayList<>();
        for (ReadModelChangeLog.Change change : changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10)) {
            levels.add(new ObjectMapper().readTree(change.view()));
        }
        return levels;
    }

    /**
     * On 2027-05-02 the certification enters its 60 days (+2.5, still MEDIUM): nothing is announced. On 2027-06-17 the
     * breaches leave the 180 days: 17.5, LOW, announced once with no event, however many instances re-evaluate.
     */
    @Test
    void a_level_that_time_moves_is_announced_once_when_reevaluated() throws Exception {
        TrackedEventMessage<?> medium = mediumSupplier();
        assertThat(announced()).extracting(change -> change.get("eventId").asText()).containsExactly(
                medium.getIdentifier());

        LocalDate since = at(Instant.parse("2027-05-02T00:10:00Z")).reevaluate(null);
        assertThat(since).isEqualTo(LocalDate.parse("2027-05-02"));
        assertThat(announced()).hasSize(1);

        since = at(Instant.parse("2027-06-16T23:59:00Z")).reevaluate(since);
        assertThat(announced()).hasSize(1);

        Instant left = Instant.parse("2027-06-17T00:05:00Z");
        at(left).reevaluate(since);
        at(left.plusSeconds(1)).reevaluate(null);
        at(left.plusSeconds(2)).reevaluate(LocalDate.parse("2027-06-16"));

        List<JsonNode> levels = announced();
        assertThat(levels).extracting(change -> change.get("from").asText() + "→" + change.get("to").asText())
                .containsExactly("LOW→MEDIUM", "MEDIUM→LOW");
        assertThat(levels.get(1).get("eventId").isNull()).isTrue();
        assertThat(levels.get(1).get("score").asInt()).isEqualTo(18);
        assertThat(projection.handle(new FindRiskLevelQuery("sup-001")))
                .isEqualTo(new RiskLevel(Level.LOW, Instant.parse("2027-06-17T00:05:00Z")));
    }

    /** Re-evaluated on a later day than the one the breaches left (the instance was down): the change is found. */
    @Test
    void a_run_after_a_pause_finds_the_days_it_missed() throws Exception {
        mediumSupplier();

        at(Instant.parse("2027-06-20T08:00:00Z")).reevaluate(LocalDate.parse("2027-06-10"));

        assertThat(announced()).extracting(change -> change.get("to").asText()).containsExactly("MEDIUM", "LOW");
    }

    /**
     * An event after the re-evaluation is compared with the level it announced (the event's announcement and the
     * re-evaluation's move one stored level): two new breaches bring 17.5 to 27.5, MEDIUM again with the second.
     */
    @Test
    void an_event_after_a_reevaluation_is_compared_with_the_level_it_announced() throws Exception {
        mediumSupplier();
        SupplierRiskProjection later = at(Instant.parse("2027-06-17T00:05:00Z"));
        later.reevaluate(null);

        AnnotatedHandlers handledLater = new AnnotatedHandlers(later);
        apply(handledLater, "ct-1", breach("br-4"));
        TrackedEventMessage<?> breach = apply(handledLater, "ct-1", breach("br-5"));

        List<JsonNode> levels = announced();
        assertThat(levels).extracting(change -> change.get("to").asText()).containsExactly("MEDIUM", "LOW", "MEDIUM");
        assertThat(levels.get(2).get("eventId").asText()).isEqualTo(breach.getIdentifier());
    }

    /**
     * Two instances find the same change at once: the one that reads the stored level second writes first. Only the
     * write that matched the level it replaced is announced; the other finds the level already moved.
     */
    @Test
    void of_two_instances_finding_the_same_change_only_one_announces_it() {
        RiskAnnouncements one = new RiskAnnouncements(mongo.template(), changes, null);
        RiskAnnouncements other = new RiskAnnouncements(mongo.template(), mongo.changeLog(), null);
        SupplierRisk high = new SupplierRisk("sup-001", 60, Level.HIGH, RiskFormula.VERSION, AT, List.of());
        boolean[] interleaved = {false};

        one.announce("sup-001", () -> {
            if (!interleaved[0]) {
                interleaved[0] = true;
                other.announce("sup-001", () -> Optional.of(high), null);
            }
            return Optional.of(high);
        }, null);

        assertThat(interleaved[0]).isTrue();
        assertThat(changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10)).hasSize(1);
        assertThat(one.level("sup-001").level()).isEqualTo(Level.HIGH);
    }

    /** A move written by an instance that stopped before announcing it is announced by the next re-evaluation. */
    @Test
    void a_move_never_announced_is_announced_by_the_next_reevaluation() {
        mongo.template().insert(new RiskAnnouncements.Announced("sup-001", Level.LOW, Level.HIGH, 60, AT, null,
                "reevaluated-sup-001-1", true), RiskAnnouncements.COLLECTION);

        at(AT.plusSeconds(30)).reevaluate(null);
        assertThat(changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10)).isEmpty();

        Instant later = AT.plus(RiskAnnouncements.PENDING_GRACE).plusSeconds(1);
        at(later).reevaluate(null);
        at(later).reevaluate(null);
        assertThat(changes.after(SupplierRiskProjection.STREAM, "sup-001", 0, 10)).hasSize(1);
    }

    private static ContractBreachedEvent breach(String breachId) {
        return new ContractBreachedEvent(ContractId.of("ct-1"), breachId, BreachType.OTHER, ResponsibleParty.SUPPLIER,
                "late drawings", null, LocalDate.parse("2027-06-15"), Money.of("0.00", "CNY"), null);
    }
}
