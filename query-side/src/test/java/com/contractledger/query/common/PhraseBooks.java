package com.contractledger.query.common;

import com.contractledger.query.history.HistoryPhrase;
import com.contractledger.query.risk.RiskPhrase;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The books of English sentences the read models say their phrases from, and the console's in other languages. */
public final class PhraseBooks {

    /** Every book of English sentences: one per read model that says phrases. */
    public static final List<Map<String, String>> ENGLISH = List.of(HistoryPhrase.ENGLISH, RiskPhrase.ENGLISH);

    private PhraseBooks() {
    }

    /**
     * The phrases said name exactly the facts their English sentence names, leave no name unsaid, and between them say
     * every sentence of the book.
     */
    public static void assertEveryPhraseSaid(Map<String, String> book, Collection<Phrase> said) {
        for (Phrase phrase : said) {
            assertThat(book).as("sentences").containsKey(phrase.key());
            assertThat(Phrase.factsNamedBy(book.get(phrase.key()))).as(phrase.key())
                    .isEqualTo(phrase.facts().keySet());
            assertThat(phrase.in(book)).as(phrase.key()).doesNotContain("{", "}");
        }
        Set<String> keys = said.stream().map(Phrase::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(keys).isEqualTo(new TreeSet<>(book.keySet()));
    }

    /** The phrases of one language from the console's script: each {@code Key: '…' + '…',} of its PHRASES block. */
    public static Map<String, String> console(String language) {
        String script;
        try (InputStream in = PhraseBooks.class.getResourceAsStream("/static/console/assets/i18n.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String block = script.substring(script.indexOf("const PHRASES"));
        int start = block.indexOf(language + ": {");
        block = block.substring(start, block.indexOf("\n    },", start));
        Map<String, String> phrases = new HashMap<>();
        Matcher entry = Pattern.compile("(\\w+): ((?:'[^']*'\\s*\\+?\\s*)+),").matcher(block);
        while (entry.find()) {
            phrases.put(entry.group(1), Pattern.compile("'([^']*)'").matcher(entry.group(2)).results()
                    .map(part -> part.group(1)).collect(Collectors.joining()));
        }
        return phrases;
    }

    static Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        ENGLISH.forEach(book -> keys.addAll(book.keySet()));
        return keys;
    }
}
