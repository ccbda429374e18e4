package com.contractledger.query.webhook;

import com.contractledger.query.webhook.WebhookDelivery.Attempt;
import com.contractledger.query.webhook.WebhookDelivery.Status;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The endpoints and their deliveries, in MongoDB beside the read models. Several query-side instances share them: an
 * endpoint's deliveries are sent by the one instance holding its lease at a time.
 */
class Webhooks {

    static final String ENDPOINTS = "webhook_endpoints";
    static final String DELIVERIES = "webhook_deliveries";
    private static final Duration ENDPOINTS_CACHED = Duration.ofSeconds(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private volatile List<WebhookEndpoint> cached = List.of();
    private volatile Instant cachedAt = Instant.MIN;

    Webhooks(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(DELIVERIES).ensureIndex(new Index().on("webhookId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC).on("queuedAt", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
    }

    WebhookEndpoint create(String url, List<String> eventTypes, String description) {
        WebhookEndpoint endpoint = new WebhookEndpoint("wh-" + UUID.randomUUID(), url, List.copyOf(eventTypes),
                description, List.of(new WebhookEndpoint.Secret(WebhookSignature.newSecret(), null)), true, null,
                clock.instant(), null);
        mongo.insert(endpoint, ENDPOINTS);
        forget();
        return endpoint;
    }

    List<WebhookEndpoint> all() {
        return mongo.find(new Query().with(Sort.by("createdAt")), WebhookEndpoint.class, ENDPOINTS);
    }

    /** Every endpoint, read again at most once a second (the outbox asks for each event, the dispatcher each round). */
    List<WebhookEndpoint> recent() {
        Instant now = clock.instant();
        if (cachedAt.plus(ENDPOINTS_CACHED).isBefore(now)) {
            cached = all();
            cachedAt = now;
        }
        return cached;
    }

    Optional<WebhookEndpoint> find(String webhookId) {
        return Optional.ofNullable(mongo.findById(webhookId, WebhookEndpoint.class, ENDPOINTS));
    }

    boolean delete(String webhookId) {
        boolean deleted = mongo.remove(Query.query(where("_id").is(webhookId)), ENDPOINTS).getDeletedCount() > 0;
        mongo.remove(Query.query(where("webhookId").is(webhookId)), DELIVERIES);
        forget();
        return deleted;
    }

    Optional<WebhookEndpoint> enable(String webhookId) {
        return change(webhookId, new Update().set("enabled", true).unset("disabledReason").unset("failingSince"));
    }

    Optional<WebhookEndpoint> disable(String webhookId, String reason) {
        return change(webhookId, new Update().set("enabled", false).set("disabledReason", reason));
    }

    /** A new secret, first in the list; the ones before it stay valid for {@code overlap}. */
    Optional<WebhookEndpoint> rotateSecret(String webhookId, Duration overlap) {
        return find(webhookId).flatMap(endpoint -> {
            Instant until = clock.instant().plus(overlap);
            List<WebhookEndpoint.Secret> secrets = new ArrayList<>();
            secrets.add(new WebhookEndpoint.Secret(WebhookSignature.newSecret(), null));
            endpoint.validSecrets(clock.instant()).forEach(value -> secrets.add(new WebhookEndpoint.Secret(value,
                    endpoint.secrets().stream().filter(s -> s.value().equals(value)).findFirst()
                            .map(WebhookEndpoint.Secret::expiresAt).filter(at -> at.isBefore(until)).orElse(until))));
            return change(webhookId, new Update().set("secrets", secrets));
        });
    }

    /** Marks the endpoint failing since {@code since} unless it already is. */
    void failing(String webhookId, Instant since) {
        mongo.updateFirst(Query.query(where("_id").is(webhookId).and("failingSince").is(null)),
                new Update().set("failingSince", since), ENDPOINTS);
    }

    void succeeding(String webhookId) {
        mongo.updateFirst(Query.query(where("_id").is(webhookId).and("failingSince").ne(null)),
                new Update().unset("failingSince"), ENDPOINTS);
    }

    /** The endpoint, when this instance holds (or now takes) its lease until {@code until}; empty otherwise. */
    Optional<WebhookEndpoint> lease(String webhookId, String owner, Instant until) {
        Criteria free = new Criteria().orOperator(where("leaseUntil").is(null),
                where("leaseUntil").lt(clock.instant()), where("leaseOwner").is(owner));
        return Optional.ofNullable(mongo.findAndModify(
                Query.query(where("_id").is(webhookId).and("enabled").is(true)).addCriteria(free),
                new Update().set("leaseOwner", owner).set("leaseUntil", until),
                FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class, ENDPOINTS));
    }

    void release(String webhookId, String owner) {
        mongo.updateFirst(Query.query(where("_id").is(webhookId).and("leaseOwner").is(owner)),
                new Update().unset("leaseOwner").unset("leaseUntil"), ENDPOINTS);
    }

    /**
     * Queues a message of {@code type} for every endpoint that wants the type and existed when it happened, unless it
     * is queued already; {@code messageId} is its {@code webhook-id}, and its place in its aggregate's order is
     * {@code sequence}.
     */
    void queue(String type, String messageId, String aggregateId, long sequence, Instant happenedAt, String body) {
        List<WebhookEndpoint> endpoints = recent().stream()
                .filter(endpoint -> endpoint.wants(type) && !endpoint.createdAt().isAfter(happenedAt)).toList();
        Instant queuedAt = clock.instant();
        queue(endpoints.stream().map(endpoint -> new WebhookDelivery(WebhookDelivery.id(endpoint.id(), messageId),
                endpoint.id(), messageId, type, aggregateId, sequence, queuedAt, body,
                WebhookDelivery.Status.PENDING, List.of(), null, null)).toList());
    }

    /** Queues each delivery unless it is already queued (an event processed again). */
    void queue(List<WebhookDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> writes = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries) {
            Document stored = new Document();
            mongo.getConverter().write(delivery, stored);
            stored.remove("_id");
            writes.add(new UpdateOneModel<>(new Document("_id", delivery.id()), new Document("$setOnInsert", stored),
                    new UpdateOptions().upsert(true)));
        }
        mongo.getCollection(DELIVERIES).bulkWrite(writes);
    }

    /** The endpoint's deliveries not yet sent or to be tried again, in the order their events were processed. */
    List<WebhookDelivery> unsent(String webhookId, int limit) {
        return mongo.find(Query.query(where("webhookId").is(webhookId).and("status").in(Status.PENDING, Status.FAILED))
                        .with(Sort.by("queuedAt", "sequence")).limit(limit), WebhookDelivery.class, DELIVERIES);
    }

    void attempted(WebhookDelivery delivery, Attempt attempt, Status status, Instant nextAttemptAt) {
        Update update = new Update().push("attempts", attempt).set("status", status);
        if (nextAttemptAt == null) {
            update.unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", nextAttemptAt);
        }
        if (status == Status.SUCCEEDED) {
            update.set("deliveredAt", attempt.at());
        }
        mongo.updateFirst(Query.query(where("_id").is(delivery.id())), update, DELIVERIES);
    }

    List<WebhookDelivery> deliveries(String webhookId, Status status, int page, int size) {
        Query query = Query.query(where("webhookId").is(webhookId));
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "queuedAt", "sequence")).skip((long) page * size)
                .limit(size), WebhookDelivery.class, DELIVERIES);
    }

    Optional<WebhookDelivery> delivery(String webhookId, String deliveryId) {
        return Optional.ofNullable(mongo.findById(WebhookDelivery.id(webhookId, deliveryId), WebhookDelivery.class,
                DELIVERIES));
    }

    /** Sends a failed or dead-lettered delivery again now. */
    Optional<WebhookDelivery> retry(String webhookId, String deliveryId) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id")
                        .is(WebhookDelivery.id(webhookId, deliveryId)).and("status").in(Status.FAILED, Status.DEAD)),
                new Update().set("status", Status.PENDING).set("nextAttemptAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class, DELIVERIES));
    }

    long unsentCount() {
        return mongo.count(Query.query(where("status").in(Status.PENDING, Status.FAILED)), DELIVERIES);
    }

    Optional<Instant> oldestUnsent() {
        return Optional.ofNullable(mongo.findOne(Query.query(where("status").in(Status.PENDING, Status.FAILED))
                .with(Sort.by("queuedAt")), WebhookDelivery.class, DELIVERIES)).map(WebhookDelivery::queuedAt);
    }

    private Optional<WebhookEndpoint> change(String webhookId, Update update) {
        WebhookEndpoint changed = mongo.findAndModify(Query.query(where("_id").is(webhookId)), update,
                FindAndModifyOptions.options().returnNew(true), WebhookEndpoint.class, ENDPOINTS);
        forget();
        return Optional.ofNullable(changed);
    }

    private void forget() {
        cachedAt = Instant.MIN;
    }
}
