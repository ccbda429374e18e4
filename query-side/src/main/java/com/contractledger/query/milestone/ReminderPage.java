package com.contractledger.query.milestone;

import java.util.List;

/** One page of reminders: {@code page} is 0-based, {@code total} counts every match. */
public record ReminderPage(List<ReminderView> items, int page, int size, long total) {
}
