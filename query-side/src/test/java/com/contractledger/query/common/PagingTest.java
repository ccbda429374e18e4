package com.contractledger.query.common;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

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

    @Test
    void a_page_after_a_sequence_defaults_to_the_first_and_refuses_what_it_cannot_serve() {
        assertThat(Paging.After.of(null, null, 1_000, 1_000)).isEqualTo(new Paging.After(-1, 1_000));
        assertThat(Paging.After.of(0L, 1, 1_000, 1_000)).isEqualTo(new Paging.After(0, 1));
        assertThat(Paging.After.of(Long.MAX_VALUE, 1_000, 1_000, 1_000).after()).isEqualTo(Long.MAX_VALUE);
        for (Runnable refused : List.<Runnable>of(() -> Paging.After.of(-1L, null, 1_000, 1_000),
                () -> Paging.After.of(null, 0, 1_000, 1_000), () -> Paging.After.of(null, 1_001, 1_000, 1_000),
                () -> Paging.After.of(null, -5, 1_000, 1_000))) {
            assertThatThrownBy(refused::run).isInstanceOfSatisfying(ResponseStatusException.class,
                    bad -> assertThat(bad.getStatusCode().value()).isEqualTo(400));
        }
    }
}
