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
}
