package com.contractledger.query.common;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseTest {

    private static final Map<String, String> BOOK = Map.of("Late", "{late} of the last {deliveries} deliveries late",
            "Penalty", "penalty {penalty}");

    @Test
    void a_phrase_says_its_facts_in_the_sentence_of_its_key_and_an_absent_one_as_none() {
        assertThat(Phrase.of("Late", "late", 2, "deliveries", 5).in(BOOK)).isEqualTo("2 of the last 5 deliveries late");
        assertThat(Phrase.of("Penalty", "penalty", null).in(BOOK)).isEqualTo("penalty none");
        assertThat(Phrase.of("Unknown", "late", 2).in(BOOK)).isEqualTo("Unknown");
    }

    @Test
    void facts_are_said_as_they_are_wherever_the_sentence_names_them_and_each_time_it_is_said() {
        Map<String, String> book = Map.of("Moved", "{from}{to} to {to}, {reason}", "Plain", "no facts");

        for (int time = 0; time < 2; time++) {
            assertThat(Phrase.of("Moved", "from", "$1", "to", "\\n", "reason", "{to}").in(book))
                    .isEqualTo("$1\\n to \\n, {to}");
            assertThat(Phrase.of("Plain").in(book)).isEqualTo("no facts");
        }
    }

    @Test
    void a_sentence_naming_a_fact_the_phrase_does_not_carry_is_refused() {
        assertThatThrownBy(() -> Phrase.of("Late", "late", 2).in(BOOK)).hasMessageContaining("deliveries");
    }

    @Test
    void facts_keep_their_order_and_another_phrase_can_name_one_more() {
        Phrase more = Phrase.of("Late", "late", 2, "deliveries", 5).and("Penalty", "penalty", "81.00 CNY");

        assertThat(more.facts().keySet()).containsExactly("late", "deliveries", "penalty");
        assertThat(more.in(BOOK)).isEqualTo("penalty 81.00 CNY");
        assertThat(Phrase.factsNamedBy("{late:number} of {deliveries}")).containsExactly("deliveries", "late");
    }

    /**
     * The console says every phrase of every read model in Chinese, naming only facts that the English sentence of the
     * same key names (so only facts the history entry or the risk factor carries); no key is in two books.
     */
    @Test
    void the_consoles_phrases_name_only_facts_the_phrases_carry() {
        Map<String, String> chinese = PhraseBooks.console("zh");

        assertThat(PhraseBooks.ENGLISH.stream().mapToInt(Map::size).sum()).as("keys in two books")
                .isEqualTo(PhraseBooks.keys().size());
        assertThat(new TreeSet<>(chinese.keySet())).isEqualTo(PhraseBooks.keys());
        for (Map<String, String> book : PhraseBooks.ENGLISH) {
            book.forEach((key, english) -> assertThat(Phrase.factsNamedBy(english))
                    .as("facts of the console's phrase %s", key)
                    .containsAll(Phrase.factsNamedBy(chinese.get(key))));
        }
    }
}
