package com.contractledger.query.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence by key and the facts it names, in order, as plain strings (dates as ISO dates, amounts as "81.00 CNY",
 * codes as their enum names). The API says it in English from a book of sentences ({@link #in}); the console says it
 * in the reader's language from the key and the facts, so a sentence in any language names only facts the phrase
 * carries. A history entry's summary and a risk factor's explanation are phrases said in English.
 */
public record Phrase(String key, Map<String, String> facts) {

    /** A fact named in a sentence: {@code {name}}, or in the console's {@code {name:format}}. */
    private static final Pattern FACT = Pattern.compile("\\{(\\w+)(?::\\w+)?}");

    public Phrase {
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** The phrase {@code key} naming each fact after its name: {@code of("Late", "late", 2, "deliveries", 5)}. */
    public static Phrase of(String key, Object... namesAndFacts) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndFacts.length; i += 2) {
            Object fact = namesAndFacts[i + 1];
            facts.put((String) namesAndFacts[i], fact == null ? null : fact.toString());
        }
        return new Phrase(key, facts);
    }

    /** Another phrase naming the same facts and one more. */
    public Phrase and(String key, String name, Object fact) {
        Map<String, String> more = new LinkedHashMap<>(facts);
        more.put(name, fact == null ? null : fact.toString());
        return new Phrase(key, more);
    }

    /**
     * The phrase in the language of {@code sentences}: its sentence with each fact in place (an absent one as
     * "none"), or its key when the book has no sentence for it.
     */
    public String in(Map<String, String> sentences) {
        String sentence = sentences.get(key);
        if (sentence == null) {
            return key;
        }
        Matcher names = FACT.matcher(sentence);
        StringBuilder said = new StringBuilder();
        while (names.find()) {
            String fact = facts.get(names.group(1));
            if (fact == null && !facts.containsKey(names.group(1))) {
                throw new IllegalStateException("phrase " + key + " names no fact " + names.group(1));
            }
            names.appendReplacement(said, Matcher.quoteReplacement(fact == null ? "none" : fact));
        }
        return names.appendTail(said).toString();
    }

    /** The names of the facts a sentence names. */
    public static Set<String> factsNamedBy(String sentence) {
        Matcher names = FACT.matcher(sentence);
        Set<String> facts = new TreeSet<>();
        while (names.find()) {
            facts.add(names.group(1));
        }
        return facts;
    }
}
