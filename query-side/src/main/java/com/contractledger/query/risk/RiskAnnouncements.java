package com.contractledger.query.risk;

import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.risk.SupplierRisk.Level;
import com.contractledger.query.webhook.WebhookNotices;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Each supplier's level as last announced, and the one way a change of it is announced: on the
 * {@value SupplierRiskProjection#STREAM} stream and, on a rise to HIGH or CRITICAL, to the webhooks. The stored level
 * moves by a write conditional on the move it replaces, so of the instances that find the same change — after an event
 * of the supplier, or re-evaluating as time passes — only the one whose write matched announces it; one that lost
 * computes again. Kept apart from the projection's generations: a replay rebuilds the facts, not what was announced.
 */
final class RiskAnnouncements {

    static final String COLLECTION = "supplier_risk_levels";
    /** A move written but not yet announced (its instance stopped in between) is announced again after this. */
    static final Duration PENDING_GRACE = Duration.ofMinutes(1);
    private static final int ATTEMPTS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * A supplier's level as last announced, the one it moved from and since when; {@code eventId} the event that moved
     * it (null when time did), {@code cause} what names the move (the event, or the re-evaluation), {@code pending}
     * until it is announced.
     */
    record Announced(@Id String supplierId, Level from, Level level, int score, Instant since, String eventId,
                     String cause, boolean pending) {

        RiskLevelChange change() {
            return new RiskLevelChange(supplierId, from, level, score, eventId, since);
        }
    }

    private final MongoTemplate mongo;
    private final ReadModelChangeLog changes;
    private final WebhookNotices notices;

    /** {@code notices} null: no webhooks. */
    RiskAnnouncements(MongoTemplate mongo, ReadModelChangeLog changes, WebhookNotices notices) {
        this.mongo = mongo;
        this.changes = changes;
        this.notices = notices;
    }

    void createIndexes() {
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("pending", Sort.Direction.ASC)
                .on("since", Sort.Direction.ASC));
    }

    /**
     * Announces the supplier's level {@code now} if it differs from the one last announced (LOW before any), unless
     * another instance moves it first; {@code eventId} is the event that moved it, null when time did.
     */
    void announce(String supplierId, Supplier<Optional<SupplierRisk>> now, String eventId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Announced stored = mongo.findById(supplierId, Announced.class, COLLECTION);
            Level previous = stored != null ? stored.level() : inLog(supplierId).orElse(Level.LOW);
            Optional<SupplierRisk> risk = now.get();
            if (risk.isEmpty() || risk.get().level() == previous) {
                return;
            }
            Instant at = risk.get().asOf();
            Announced moved = new Announced(supplierId, previous, risk.get().level(), risk.get().score(), at, eventId,
                    eventId != null ? eventId : "reevaluated-" + supplierId + "-" + at.toEpochMilli(), true);
            if (move(stored, moved)) {
                publish(moved);
                return;
            }
        }
    }

    /** Announces the moves written more than {@link #PENDING_GRACE} before {@code now} and never announced. */
    void announcePending(Instant now) {
        mongo.find(Query.query(where("pending").is(true).and("since").lt(now.minus(PENDING_GRACE))), Announced.class,
                COLLECTION).forEach(this::publish);
    }

    /** The level last announced and since when; LOW and no time before any. */
    RiskLevel level(String supplierId) {
        Announced stored = mongo.findById(supplierId, Announced.class, COLLECTION);
        if (stored != null) {
            return new RiskLevel(stored.level(), stored.since());
        }
        return changes.latest(SupplierRiskProjection.STREAM, supplierId).map(change -> {
            RiskLevelChange announced = read(change.view());
            return new RiskLevel(announced.to(), announced.at());
        }).orElse(new RiskLevel(Level.LOW, null));
    }

    /** Writes the move if the stored level is still the one it moves from; false if another instance moved it. */
    private boolean move(Announced stored, Announced moved) {
        if (stored == null) {
            try {
                mongo.insert(moved, COLLECTION);
                return true;
            } catch (DuplicateKeyException movedByAnotherInstance) {
                return false;
            }
        }
        Update update = new Update().set("from", moved.from()).set("level", moved.level())
                .set("score", moved.score()).set("since", moved.since()).set("eventId", moved.eventId())
                .set("cause", moved.cause()).set("pending", true);
        return mongo.updateFirst(Query.query(where("_id").is(stored.supplierId()).and("cause").is(stored.cause())),
                update, COLLECTION).getMatchedCount() == 1;
    }

    /**
     * Records the change on the stream and queues the webhooks' notice, each at most once for the move (a move
     * announced again after a stop is recorded once), then marks the move announced.
     */
    private void publish(Announced moved) {
        RiskLevelChange change = moved.change();
        changes.recordOnce(new EventContext(moved.cause(), moved.supplierId(), -1, -1, moved.since(), null, null,
                null, false), SupplierRiskProjection.STREAM, moved.supplierId(), change);
        if (notices != null && moved.level().compareTo(Level.HIGH) >= 0) {
            notices.publish(WebhookNotices.SUPPLIER_RISK_LEVEL_CHANGED, "risk-" + moved.cause(), moved.supplierId(),
                    moved.since(), change);
        }
        mongo.updateFirst(Query.query(where("_id").is(moved.supplierId()).and("cause").is(moved.cause())),
                new Update().set("pending", false), COLLECTION);
    }

    /** The level announced in the change log, for suppliers announced before the levels were stored here. */
    private Optional<Level> inLog(String supplierId) {
        return changes.latest(SupplierRiskProjection.STREAM, supplierId).map(change -> read(change.view()).to());
    }

    private static RiskLevelChange read(String change) {
        try {
            return JSON.readValue(change, RiskLevelChange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable risk change " + change, e);
        }
    }
}
