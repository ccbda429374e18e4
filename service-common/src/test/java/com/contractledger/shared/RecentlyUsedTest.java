package com.contractledger.shared;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentlyUsedTest {

    @Test
    void beyond_its_capacity_it_forgets_the_least_recently_used_entry() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(2);
        recent.put("a", 1);
        recent.put("b", 2);
        recent.get("a");
        recent.put("c", 3);

        assertThat(recent.keys()).containsExactlyInAnyOrder("a", "c");
        assertThat(recent.get("b")).isNull();
    }

    @Test
    void put_all_and_remove_keep_the_bound() {
        RecentlyUsed<String, Integer> recent = new RecentlyUsed<>(2);
        recent.putAll(Map.of("a", 1, "b", 2, "c", 3));
        assertThat(recent.keys()).hasSize(2);

        recent.put("d", 4);
        recent.remove("d");
        assertThat(recent.keys()).hasSize(1).doesNotContain("d");
    }

    @Test
    void a_capacity_below_one_is_refused() {
        assertThatThrownBy(() -> new RecentlyUsed<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
