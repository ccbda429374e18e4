package com.contractledger.query.common;

import com.contractledger.api.contract.ContractSignedEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypeTest {

    @Test
    void an_event_is_named_by_its_class_without_the_word_event_at_its_end() {
        assertThat(EventType.of(ContractSignedEvent.class)).isEqualTo("ContractSigned");
        assertThat(EventType.named("EventfulThing")).isEqualTo("EventfulThing");
        assertThat(EventType.of(String.class)).isEqualTo("String");
    }
}
