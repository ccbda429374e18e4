package com.contractledger.query.common;

import com.contractledger.query.common.ReadModelChangeLog.Change;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.contractledger.query.support.Procurement.signed;
import static org.assertj.core.api.Assertions.assertThat;

class ReadModelChangeLogTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private EventContext live() {
        return EventContext.of(events.of("ct-1", signed("ct-1")));
    }

    @Test
    void changes_are_numbered_in_the_order_listeners_see_them_and_read_back_after_any_number() {
        ReadModelChangeLog log = mongo.changeLog();
        List<Change> heard = new ArrayList<>();
        log.subscribe(heard::add);
        log.record(live(), "contracts", "ct-1", Map.of("version", 1));
        log.record(live(), "disputes", "ct-1/dp-1", Map.of("stage", "NEGOTIATION"));
        log.record(live(), "contracts", "ct-2", Map.of("version", 0));

        assertThat(heard).extracting(Change::id).containsExactly(1L, 2L, 3L);
        assertThat(log.after("contracts", null, 0, 10)).extracting(Change::key).containsExactly("ct-1", "ct-2");
        assertThat(log.after("contracts", null, 1, 10)).extracting(Change::id).containsExactly(3L);
        assertThat(log.after("contracts", "ct-1", 0, 10)).singleElement()
                .satisfies(change -> assertThat(change.view()).isEqualTo("{\"version\":1}"));
    }

    @Test
    void a_replay_records_nothing_and_numbering_continues_after_a_restart() {
        ReadModelChangeLog log = mongo.changeLog();
        log.record(live(), "contracts", "ct-1", Map.of("version", 1));
        log.record(EventContext.of(Events.replayed(events.of("ct-1", signed("ct-1")))), "contracts", "ct-1",
                Map.of("version", 2));
        assertThat(log.lastId()).isEqualTo(1);

        ReadModelChangeLog restarted = mongo.changeLog();
        restarted.record(live(), "contracts", "ct-1", Map.of("version", 3));
        assertThat(restarted.after("contracts", null, 0, 10)).extracting(Change::id).containsExactly(1L, 2L);
        assertThat(restarted.oldestId()).isEqualTo(1);
    }

    @Test
    void instances_sharing_a_database_number_their_changes_in_one_order_and_each_hears_all_of_them() {
        ReadModelChangeLog first = mongo.changeLog();
        ReadModelChangeLog second = mongo.changeLog();
        List<Long> heardByFirst = new ArrayList<>();
        List<Long> heardBySecond = new ArrayList<>();
        first.subscribe(change -> heardByFirst.add(change.id()));
        second.subscribe(change -> heardBySecond.add(change.id()));
        // Both instances are up (each polls at start) before anything is recorded.
        first.poll();
        second.poll();

        first.record(live(), "contracts", "ct-1", Map.of("version", 1));
        second.record(live(), "contracts", "ct-2", Map.of("version", 1));
        first.record(live(), "contracts", "ct-1", Map.of("version", 2));
        assertThat(heardByFirst).as("its own at once, the other's once polled").containsExactly(1L);
        assertThat(heardBySecond).as("number 1 comes first, from the other instance").isEmpty();

        first.poll();
        second.poll();
        assertThat(heardByFirst).containsExactly(1L, 2L, 3L);
        assertThat(heardBySecond).containsExactly(1L, 2L, 3L);
        assertThat(first.lastId()).isEqualTo(3);
        assertThat(second.lastId()).isEqualTo(3);
    }

    @Test
    void a_number_taken_by_an_instance_that_died_before_storing_its_change_is_passed_over_after_a_while()
            throws Exception {
        ReadModelChangeLog dying = mongo.changeLog();
        ReadModelChangeLog survivor = new ReadModelChangeLog(mongo.template(), new com.fasterxml.jackson.databind
                .ObjectMapper(), java.time.Duration.ofMillis(200));
        List<Long> heard = new ArrayList<>();
        survivor.subscribe(change -> heard.add(change.id()));
        survivor.poll();
        dying.record(live(), "contracts", "ct-1", Map.of("version", 1));
        survivor.poll();
        // Number 2 is taken, then the process dies before the change is stored.
        mongo.template().findAndModify(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(Change.COLLECTION)),
                new org.springframework.data.mongodb.core.query.Update().inc("value", 1L), org.bson.Document.class,
                "read_model_counters");
        survivor.record(live(), "contracts", "ct-2", Map.of("version", 1));
        assertThat(heard).as("3 waits for 2 for a while").containsExactly(1L);

        Thread.sleep(300);
        survivor.poll();
        assertThat(heard).containsExactly(1L, 3L);
        survivor.record(live(), "contracts", "ct-3", Map.of("version", 1));
        assertThat(heard).containsExactly(1L, 3L, 4L);
    }
}
