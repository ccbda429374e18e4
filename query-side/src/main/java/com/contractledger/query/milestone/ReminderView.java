package com.contractledger.query.milestone;

import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.reminder.ReminderKind;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder the system raised: {@code event} ({@code kind}) about {@code aggregateId} (a contract or a supplier),
 * {@code daysBefore} days ahead of {@code date}. {@code subject} is the milestone ({@code milestoneKind} says which
 * kind) or the certification; empty for a contract's own dates.
 */
@Document(ReminderView.COLLECTION)
public record ReminderView(@Id String id, ReminderKind kind, String aggregateType, String aggregateId, String subject,
                           MilestoneKind milestoneKind, LocalDate date, int daysBefore, Instant remindedAt,
                           @JsonIgnore long lastSequence, long position) {

    public static final String COLLECTION = "reminders";

    @JsonProperty
    public String event() {
        return kind.event();
    }

    static String idOf(String aggregateId, long sequence) {
        return aggregateId + "/" + sequence;
    }
}
