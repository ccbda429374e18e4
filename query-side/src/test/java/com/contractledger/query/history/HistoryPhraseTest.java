package com.contractledger.query.history;

import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractExpiryApproachingEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractMilestoneApproachingEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractRenewalNoticeDueEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.query.common.Phrase;
import com.contractledger.query.common.PhraseBooks;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class HistoryPhraseTest {

    private static final ContractId CT = ContractId.of("ct-1");

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
        PhraseBooks.assertEveryPhraseSaid(HistoryPhrase.ENGLISH, everyKindOfEvent().stream().map(HistoryPhrase::of)
                .toList());
    }

    @Test
    void a_delivery_says_whether_it_was_late_and_its_facts_are_plain_strings() {
        Phrase late = HistoryPhrase.of(delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false));

        assertThat(late.in(HistoryPhrase.ENGLISH)).isEqualTo("Delivery dl-1 against d1 on 2026-12-18: 6000 delivered, "
                + "5800 accepted, 200 rejected, worth 5400.00 CNY; 3 days late");
        assertThat(late.facts()).containsEntry("value", "5400.00 CNY").containsEntry("deliveredOn", "2026-12-18");
        assertThat(HistoryPhrase.of(delivered("ct-1", "dl-2", "2026-12-20", 10, 10, 0, "9.00", true))
                .in(HistoryPhrase.ENGLISH)).endsWith("; on time");
    }

    @Test
    void an_absent_amount_is_said_as_none() {
        Phrase breach = HistoryPhrase.of(new com.contractledger.api.contract.ContractBreachedEvent(CT, "br-2",
                BreachType.OTHER, com.contractledger.api.contract.ResponsibleParty.BUYER, "late drawings", null,
                LocalDate.parse("2026-12-18"), null, null));

        assertThat(breach.in(HistoryPhrase.ENGLISH)).endsWith("; penalty none");
    }
}
