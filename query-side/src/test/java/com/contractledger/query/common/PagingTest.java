package com.contractledger.query.common;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void a_page_whose_offset_a_store_cannot_hold_is_refused() {
        assertThatThrownBy(() -> Paging.of(Integer.MAX_VALUE, 200))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        refused -> assertThat(refused.getStatusCode().value()).isEqualTo(400));
        assertThatThrownBy(() -> Paging.of(10_737_419, 200)).isInstanceOf(ResponseStatusException.class);
    }

    @Test
    void the_last_page_a_store_can_reach_is_served() {
        assertThat(Paging.of(10_737_418, 200).page()).isEqualTo(10_737_418);
        assertThat(Paging.of(null, null)).isEqualTo(new Paging(0, Paging.DEFAULT_SIZE));
    }
}
