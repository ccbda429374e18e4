package com.contractledger.query.readmodel;

import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelChangeLog.Change;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.codecs.configuration.CodecConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The read-model mechanism on its own: the guard, the batch, the token after the views, generations. */
class ReadModelTest {

    record Tally(@Id String id, int count, List<String> seen) {

        Tally counted(String event) {
            List<String> more = new ArrayList<>(seen);
            more.add(event);
            return new Tally(id, count + 1, more);
        }
    }

    record Counted(String name) {
    }

    record Note(@Id String id, String text) {
    }

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final ReadModelChangeLog changes = mongo.changeLog();
    private final ReadModel readModel = new ReadModel("tallies", mongo.template(), mongo.generations(), changes);
    private final Entries<Note> notes = readModel.entries("notes", Note.class);
    private final Views<Tally> tallies = readModel.views("tallies", Tally.class, Tally::id)
            .streamedAs("tallies", tally -> Map.of("count", tally.count()));
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    /** The projection under test: the first event of an aggregate starts its tally, each later one counts. */
    private void handle(EventMessage<?> message) {
        String name = ((Counted) message.getPayload()).name();
        String aggregate = ((org.axonframework.eventhandling.DomainEventMessage<?>) message).getAggregateIdentifier();
        notes.add(new Note(message.getIdentifier(), name));
        if (tallies.find(aggregate).isEmpty()) {
            tallies.put(message, new Tally(aggregate, 1, List.of(name)));
        } else {
            tallies.update(message, tally -> tally.counted(name));
        }
    }

    private List<EventMessage<?>> eventsOf(String aggregate, int count) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(events.of(aggregate, new Counted(aggregate + "-" + i)));
        }
        return messages;
    }

    /** Handles {@code messages} as one processor batch: the token is stored first on commit, as Axon does. */
    private void processBatch(List<EventMessage<?>> messages, TokenAfterViews tokens, TrackingToken token) {
        processBatch(messages, tokens, token, this::handle);
    }

    private void processBatch(List<EventMessage<?>> messages, TokenAfterViews tokens, TrackingToken token,
                              Consumer<EventMessage<?>> handler) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.onPrepareCommit(unitOfWork -> tokens.storeToken(token, "tallies", 0));
        batch.executeWithResult(() -> {
            handler.accept(batch.getMessage());
            return null;
        });
        if (batch.getExecutionResult().isExceptionResult()) {
            throw new IllegalStateException(batch.getExecutionResult().getExceptionResult());
        }
    }

    private TokenAfterViews tokenStore() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.initializeTokenSegments("tallies", 1);
        store.fetchToken("tallies", 0);
        return new TokenAfterViews(store);
    }

    private long storedTallies() {
        return mongo.template().count(new Query(), "tallies");
    }

    @Test
    void an_event_no_newer_than_the_view_changes_nothing() {
        List<EventMessage<?>> messages = eventsOf("a-1", 3);
        messages.forEach(this::handle);
        messages.forEach(this::handle);
        handle(messages.get(1));

        Tally tally = tallies.served("a-1").orElseThrow();
        assertThat(tally.count()).isEqualTo(3);
        assertThat(tally.seen()).containsExactly("a-1-0", "a-1-1", "a-1-2");
        assertThat(mongo.template().count(new Query(), "notes")).isEqualTo(3);
        assertThat(changes.after("tallies", "a-1", 0, 10)).hasSize(3);
    }

    @Test
    void a_batch_loads_each_view_once_and_writes_each_collection_once_before_its_token() {
        List<EventMessage<?>> messages = new ArrayList<>(eventsOf("a-1", 20));
        messages.addAll(eventsOf("a-2", 20));
        mongo.commands().clear();

        processBatch(messages, tokenStore(), new GlobalSequenceTrackingToken(40));

        List<String> commands = mongo.commands().stream()
                .filter(command -> command.endsWith(" tallies") || command.endsWith(" notes")).toList();
        assertThat(commands).containsExactly("find tallies", "insert notes", "update tallies");
        assertThat(tallies.served("a-1").orElseThrow().count()).isEqualTo(20);
        assertThat(tallies.served("a-2").orElseThrow().seen()).hasSize(20).endsWith("a-2-19");
        assertThat(changes.after("tallies", null, 0, 100)).hasSize(40);
    }

    /** An announcement keyed by aggregate runs once per batch, after the writes, for the last event that asked. */
    @Test
    void an_announcement_runs_once_per_key_and_batch_after_the_views_are_written() {
        List<EventMessage<?>> messages = new ArrayList<>(eventsOf("a-1", 5));
        messages.addAll(eventsOf("a-2", 3));
        List<String> announced = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            handle(message);
            String aggregate = ((org.axonframework.eventhandling.DomainEventMessage<?>) message).getAggregateIdentifier();
            readModel.afterWrite(message, aggregate, () -> announced.add(((Counted) message.getPayload()).name()
                    + " saw " + tallies.served(aggregate).orElseThrow().count()));
            return null;
        });

        assertThat(announced).containsExactly("a-1-4 saw 5", "a-2-2 saw 3");
        readModel.afterWrite(Events.replayed((org.axonframework.eventhandling.TrackedEventMessage<?>) messages.get(0)),
                "a-1", () -> announced.add("during a replay"));
        assertThat(announced).hasSize(2);
    }

    @Test
    void the_views_are_written_before_the_token_and_a_crash_between_them_leaves_a_batch_that_changes_nothing() {
        List<EventMessage<?>> messages = eventsOf("a-1", 5);
        InMemoryTokenStore store = new InMemoryTokenStore();
        store.initializeTokenSegments("tallies", 1);
        store.fetchToken("tallies", 0);
        List<Long> talliesWhenTokenStored = new ArrayList<>();
        TokenAfterViews crashing = new TokenAfterViews(new InMemoryTokenStore() {
            @Override
            public void storeToken(TrackingToken token, String processorName, int segment) {
                talliesWhenTokenStored.add(storedTallies());
                throw new IllegalStateException("the process died before the token was stored");
            }
        });

        assertThatThrownBy(() -> processBatch(messages, crashing, new GlobalSequenceTrackingToken(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(talliesWhenTokenStored).containsExactly(1L);
        List<Change> recorded = changes.after("tallies", null, 0, 100);
        assertThat(recorded).hasSize(5);

        processBatch(messages, new TokenAfterViews(store), new GlobalSequenceTrackingToken(5));

        assertThat(tallies.served("a-1").orElseThrow().count()).isEqualTo(5);
        assertThat(mongo.template().count(new Query(), "notes")).isEqualTo(5);
        assertThat(changes.after("tallies", null, 0, 100)).isEqualTo(recorded);
        assertThat(store.fetchToken("tallies", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void a_crash_after_the_views_and_before_their_change_records_gets_the_last_change_recorded_again() {
        List<EventMessage<?>> messages = eventsOf("a-1", 2);
        messages.forEach(this::handle);
        mongo.template().remove(new Query(), Change.class);

        handle(messages.get(1));

        assertThat(changes.after("tallies", "a-1", 0, 10)).singleElement()
                .satisfies(change -> assertThat(change.view()).isEqualTo("{\"count\":2}"));
    }

    record Dated(@Id String id, LocalDate on) {
    }

    @Test
    void a_view_no_store_can_hold_fails_its_batch_unwritten_then_its_own_event_when_the_batch_is_handled_again() {
        Views<Dated> dated = readModel.views("dated", Dated.class, Dated::id);
        List<EventMessage<?>> messages = eventsOf("a-1", 3);
        TokenAfterViews tokens = tokenStore();
        List<String> failed = new ArrayList<>();
        // The second event's date is beyond what a BSON date holds; each change is stored under the event's year.
        Runnable handleBatch = () -> processBatch(messages, tokens, new GlobalSequenceTrackingToken(3), message -> {
            LocalDate on = message == messages.get(1) ? LocalDate.of(999_999_999, 12, 31)
                    : LocalDate.of(2026, 12, messages.indexOf(message) + 1);
            try {
                dated.put(message, new Dated("d-" + on.getYear(), on));
            } catch (CodecConfigurationException unstorable) {
                failed.add(message.getIdentifier());
            }
        });

        assertThatThrownBy(handleBatch::run).cause().hasMessageContaining("a view of dated cannot be stored")
                .cause().isInstanceOf(CodecConfigurationException.class);
        assertThat(failed).isEmpty();
        assertThat(mongo.template().count(new Query(), "dated")).isZero();
        assertThat(tokens.fetchToken("tallies", 0)).isNull();

        handleBatch.run();
        assertThat(failed).containsExactly(messages.get(1).getIdentifier());
        assertThat(dated.served("d-2026")).map(Dated::on).contains(LocalDate.of(2026, 12, 3));
        assertThat(mongo.template().count(new Query(), "dated")).isEqualTo(1);
        assertThat(tokens.fetchToken("tallies", 0)).isEqualTo(new GlobalSequenceTrackingToken(3));
    }

    @Test
    void a_replay_writes_a_new_generation_while_the_complete_one_is_served() {
        List<EventMessage<?>> messages = eventsOf("a-1", 2);
        messages.forEach(this::handle);

        readModel.reset();
        handle(Events.replayed((org.axonframework.eventhandling.TrackedEventMessage<?>) messages.get(0)));

        assertThat(tallies.served("a-1").orElseThrow().count()).isEqualTo(2);
        mongo.generations().complete("tallies");
        assertThat(tallies.served("a-1").orElseThrow().count()).isEqualTo(1);
        assertThat(changes.after("tallies", null, 0, 10)).hasSize(2);
    }
}
