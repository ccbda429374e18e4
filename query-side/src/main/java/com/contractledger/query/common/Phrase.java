package com.contractledger.query.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    // the books' sentences, each parsed once: a history entry or risk factor is said at every event
    private static final Map<String, List<String>> PARTS = new ConcurrentHashMap<>();

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
        List<String> parts = PARTS.computeIfAbsent(sentence, Phrase::parts);
        StringBuilder said = new StringBuilder(sentence.length() + 32);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                said.append(parts.get(i));
                continue;
            }
            String fact = facts.get(parts.get(i));
            if (fact == null && !facts.containsKey(parts.get(i))) {
                throw new IllegalStateException("phrase " + key + " names no fact " + parts.get(i));
            }
            said.append(fact == null ? "none" : fact);
        }
        return said.toString();
    }

    /** A sentence as its text and the facts it names, alternately: text, fact, text, …, text. */
    private static List<String> parts(String sentence) {
        Matcher names = FACT.matcher(sentence);
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (names.find()) {
            parts.add(sentence.substring(from, names.start()));
            parts.add(names.group(1));
            from = names.end();
        }
        parts.add(sentence.substring(from));
        return List.copyOf(parts);
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
