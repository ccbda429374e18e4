package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.query.common.Amount;
import com.contractledger.query.dispute.DisputeEntry.Kind;
import com.contractledger.query.dispute.DisputeQueries.FindContractDisputesQuery;
import com.contractledger.query.dispute.DisputeQueries.FindDisputesQuery;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.codecs.DecoderContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class DisputeTimelineProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final DisputeTimelineProjection projection = new DisputeTimelineProjection(mongo.template(),
            mongo.changeLog(), mongo.generations(), Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC));
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void apply(TrackedEventMessage<?> message) {
        handlers.apply(message);
    }

    @Test
    void an_entry_is_encoded_as_the_mapping_layer_writes_it_and_read_back_by_it() {
        for (DisputeTimelineEntry entry : List.of(
                new DisputeTimelineEntry("ct-1/dp-1#0", "ct-1/dp-1", 0, new DisputeEntry(
                        Instant.parse("2026-11-20T09:30:00.123Z"), Kind.NOTE, DisputeStage.MEDIATION, "buyer",
                        "质检报告已上传", List.of("doc://qa/7", "doc://qa/8"))),
                new DisputeTimelineEntry("ct-1/dp-1#1", "ct-1/dp-1", 1, new DisputeEntry(
                        Instant.parse("2026-11-21T00:00:00Z"), Kind.ESCALATED, DisputeStage.ARBITRATION, null, null,
                        List.of())))) {
            org.bson.Document mapped = new org.bson.Document();
            mongo.template().getConverter().write(entry, mapped);
            org.bson.BsonDocument expected = mapped.toBsonDocument(org.bson.Document.class,
                    mongo.template().getDb().getCodecRegistry());
            expected.remove("_class");
            assertThat(entry.toBson()).isEqualTo(expected);

            org.bson.Document stored = mongo.template().getDb().getCodecRegistry().get(org.bson.Document.class)
                    .decode(new org.bson.BsonDocumentReader(entry.toBson()), DecoderContext.builder().build());
            assertThat(mongo.template().getConverter().read(DisputeTimelineEntry.class, stored)).isEqualTo(entry);
        }
    }

    @Test
    void a_timeline_records_every_step_with_its_actor_and_stage() {
        events.of("ct-1", drafted("ct-1", "sup-001"));
        List<TrackedEventMessage<?>> messages = List.of(
                events.of("ct-1", disputeOpened("ct-1", "dp-1"), "buyer", null),
                events.of("ct-1", disputeOpened("ct-1", "dp-2"), "buyer", null),
                events.of("ct-1", disputeEscalated("ct-1", "dp-1"), "lead-buyer", null),
                events.of("ct-1", disputeNote("ct-1", "dp-1"), "auditor-ish", null),
                events.of("ct-1", disputeResolved("ct-1", "dp-1"), "buyer", null));
        messages.forEach(this::apply);
        messages.forEach(message -> apply(Events.replayed(message)));

        List<DisputeTimelineView> disputes = projection.handle(new FindContractDisputesQuery("ct-1")).disputes();
        assertThat(disputes).extracting(DisputeTimelineView::disputeId).containsExactly("dp-1", "dp-2");
        DisputeTimelineView first = disputes.get(0);
        assertThat(first.status()).isEqualTo(DisputeTimelineView.Status.RESOLVED);
        assertThat(first.stage()).isEqualTo(DisputeStage.MEDIATION);
        assertThat(first.track()).isEqualTo(DisputeStage.NEGOTIATION);
        assertThat(first.outcome()).isEqualTo(DisputeOutcome.SETTLED);
        assertThat(first.claim()).isEqualTo(new Amount("76.50", "CNY"));
        assertThat(first.settlement()).isEqualTo(new Amount("40.00", "CNY"));
        assertThat(first.resolvedAt()).isEqualTo(messages.get(4).getTimestamp());
        assertThat(first.entries()).extracting(DisputeEntry::kind)
                .containsExactly(Kind.OPENED, Kind.ESCALATED, Kind.NOTE, Kind.RESOLVED);
        assertThat(first.entries()).extracting(DisputeEntry::actor)
                .containsExactly("buyer", "lead-buyer", "auditor-ish", "buyer");
        assertThat(first.entries().get(2).evidenceRefs()).containsExactly("doc://inspection/dl-1");
        assertThat(first.entries().get(2).stage()).isEqualTo(DisputeStage.MEDIATION);

        DisputeTimelineView open = disputes.get(1);
        assertThat(open.status()).isEqualTo(DisputeTimelineView.Status.OPEN);
        assertThat(open.daysOpen()).isEqualTo(4);
        assertThat(projection.handle(new FindDisputesQuery(DisputeTimelineView.Status.OPEN, 0, 20)).items())
                .extracting(DisputeTimelineView::disputeId).containsExactly("dp-2");
    }

    @Test
    void a_long_dispute_keeps_every_note_in_order_and_a_redelivered_note_adds_nothing() {
        List<TrackedEventMessage<?>> messages = new java.util.ArrayList<>();
        messages.add(events.of("ct-1", disputeOpened("ct-1", "dp-1"), "buyer", null));
        for (int n = 0; n < 600; n++) {
            messages.add(events.of("ct-1", disputeNote("ct-1", "dp-1"), "actor-" + n, null));
        }
        messages.forEach(this::apply);
        messages.subList(100, 140).forEach(message -> apply(Events.replayed(message)));
        apply(messages.get(599));

        DisputeTimelineView timeline = projection.handle(new FindContractDisputesQuery("ct-1")).disputes().get(0);
        assertThat(timeline.entries()).hasSize(601);
        assertThat(timeline.entries().get(0).kind()).isEqualTo(Kind.OPENED);
        for (int n = 0; n < 600; n++) {
            assertThat(timeline.entries().get(n + 1).actor()).isEqualTo("actor-" + n);
        }
        assertThat(mongo.template().count(new org.springframework.data.mongodb.core.query.Query(),
                DisputeTimelineEntry.COLLECTION)).isEqualTo(601);
    }

    @Test
    void an_entry_written_before_a_crash_is_counted_once_when_its_event_comes_again() {
        TrackedEventMessage<?> opened = events.of("ct-1", disputeOpened("ct-1", "dp-1"), "buyer", null);
        TrackedEventMessage<?> note = events.of("ct-1", disputeNote("ct-1", "dp-1"), "buyer", null);
        apply(opened);
        String timelineId = DisputeTimeline.idOf("ct-1", "dp-1");
        // The note's entry reached the store, its timeline did not: the process died in between.
        mongo.template().insert(new DisputeTimelineEntry(DisputeTimelineEntry.idOf(timelineId, 1), timelineId, 1,
                new DisputeEntry(note.getTimestamp(), Kind.NOTE, DisputeStage.NEGOTIATION, "buyer", "before the crash",
                        List.of())), DisputeTimelineEntry.COLLECTION);
        apply(note);

        DisputeTimelineView timeline = projection.handle(new FindContractDisputesQuery("ct-1")).disputes().get(0);
        assertThat(timeline.entries()).extracting(DisputeEntry::kind).containsExactly(Kind.OPENED, Kind.NOTE);
        assertThat(mongo.changeLog().after(DisputeTimelineProjection.STREAM, null, 0, 10))
                .as("one change per event, the note's carrying its entry").hasSize(2)
                .last().satisfies(change -> assertThat(change.view()).contains("\"entryCount\":2",
                        "\"latestEntry\":{", "\"kind\":\"NOTE\""));
    }
}
