package com.contractledger.command.contract;

import java.time.LocalDate;

/** Payload of the "milestone-overdue" deadline: the milestone and the due date it was scheduled for. */
record MilestoneDue(String milestoneId, LocalDate dueOn) {
}
