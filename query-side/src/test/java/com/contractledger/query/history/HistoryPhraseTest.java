package com.contractledger.query.history;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.MilestoneKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryPhraseTest {

    private static final ContractId CT = ContractId.of("ct-1");
    private static final Pattern FACT = Pattern.compile("\\{(\\w+)(?::\\w+)?}");

    private static List<Object> everyKindOfEvent() {
        return List.of(drafted("ct-1", "sup-001"), signed("ct-1"), amendedPrice("ct-1"),
                delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false),
                delivered("ct-1", "dl-2", "2026-12-20", 4000, 4000, 0, "3600.00", true),
                paid("ct-1", "pay-1", "8500.00", "2027-01-10", "8500.00", "p1"),
                new ContractMilestoneOverdueEvent(CT, "d1", MilestoneKind.DELIVERY, LocalDate.parse("2026-12-15"),
                        Instant.parse("2026-12-16T00:00:00Z"), false),
                new ContractMilestoneOverdueEvent(CT, "p1", MilestoneKind.PAYMENT, LocalDate.parse("2026-11-15"),
                        Instant.parse("2026-11-16T00:00:00Z"), true),
                breached("ct-1", "br-1", BreachType.LATE_DELIVERY, "81.00"), disputeOpened("ct-1", "dp-1"),
                disputeEscalated("ct-1", "dp-1"), disputeNote("ct-1", "dp-1"), disputeResolved("ct-1", "dp-1"),
                new ContractRenewedEvent(CT, 1, LocalDate.parse("2027-11-30"), LocalDate.parse("2028-11-30"),
                        List.of(), null, List.of()),
                new ContractTerminatedEvent(CT, "supplier exits the market", LocalDate.parse("2027-03-01")),
                new ContractExpiredEvent(CT, LocalDate.parse("2027-11-30")),
                new ContractCompletedEvent(CT, LocalDate.parse("2027-02-01")),
                new ContractMilestoneApproachingEvent(CT, "d1", MilestoneKind.DELIVERY, LocalDate.parse("2026-12-15"), 7),
                new ContractRenewalNoticeDueEvent(CT, LocalDate.parse("2027-11-30"), 60, LocalDate.parse("2027-10-01")),
                new ContractExpiryApproachingEvent(CT, LocalDate.parse("2027-11-30"), 30));
    }

    @Test
    void every_phrase_is_said_by_some_event_with_every_fact_it_names() {
        Set<String> said = new TreeSet<>();
        for (Object event : everyKindOfEvent()) {
            HistoryPhrase phrase = HistoryPhrase.of(event);
            said.add(phrase.key());
            assertThat(factsNamedBy(HistoryPhrase.ENGLISH.get(phrase.key())))
                    .as(phrase.key()).isEqualTo(phrase.facts().keySet());
            assertThat(phrase.english()).doesNotContain("{", "}");
        }
        assertThat(said).isEqualTo(new TreeSet<>(HistoryPhrase.ENGLISH.keySet()));
    }

    @Test
    void a_delivery_says_whether_it_was_late_and_its_facts_are_plain_strings() {
        HistoryPhrase late = HistoryPhrase.of(delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false));

        assertThat(late.english()).isEqualTo("Delivery dl-1 against d1 on 2026-12-18: 6000 delivered, 5800 accepted, "
                + "200 rejected, worth 5400.00 CNY; 3 days late");
        assertThat(late.facts()).containsEntry("value", "5400.00 CNY").containsEntry("deliveredOn", "2026-12-18");
        assertThat(HistoryPhrase.of(delivered("ct-1", "dl-2", "2026-12-20", 10, 10, 0, "9.00", true)).english())
                .endsWith("; on time");
    }

    @Test
    void an_absent_amount_is_said_as_none() {
        HistoryPhrase breach = HistoryPhrase.of(new com.contractledger.api.contract.ContractBreachedEvent(CT, "br-2",
                BreachType.OTHER, com.contractledger.api.contract.ResponsibleParty.BUYER, "late drawings", null,
                LocalDate.parse("2026-12-18"), null, null));

        assertThat(breach.english()).endsWith("; penalty none");
    }

    /** The console's phrases in other languages name only facts that the English phrase of the same key names. */
    @Test
    void the_consoles_phrases_name_only_facts_the_entries_carry() throws IOException {
        Map<String, String> chinese = consolePhrases("zh");

        assertThat(chinese.keySet()).isEqualTo(HistoryPhrase.ENGLISH.keySet());
        chinese.forEach((key, sentence) -> assertThat(HistoryPhrase.ENGLISH.get(key))
                .as("facts of the console's phrase %s", key)
                .satisfies(english -> assertThat(factsNamedBy(english)).containsAll(factsNamedBy(sentence))));
    }

    private static Set<String> factsNamedBy(String sentence) {
        Matcher names = FACT.matcher(sentence);
        Set<String> facts = new TreeSet<>();
        while (names.find()) {
            facts.add(names.group(1));
        }
        return facts;
    }

    /** The phrases of one language from the console's script: each {@code Key: '…' + '…',} of its PHRASES block. */
    private static Map<String, String> consolePhrases(String language) throws IOException {
        String script;
        try (InputStream in = HistoryPhraseTest.class.getResourceAsStream("/static/console/assets/i18n.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String block = script.substring(script.indexOf("const PHRASES"));
        block = block.substring(block.indexOf(language + ": {"), block.indexOf("\n    },", block.indexOf(language + ": {")));
        Map<String, String> phrases = new HashMap<>();
        Matcher entry = Pattern.compile("(\\w+): ((?:'[^']*'\\s*\\+?\\s*)+),").matcher(block);
        while (entry.find()) {
            phrases.put(entry.group(1), Pattern.compile("'([^']*)'").matcher(entry.group(2)).results()
                    .map(part -> part.group(1)).collect(Collectors.joining()));
        }
        return phrases;
    }
}
