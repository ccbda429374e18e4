package com.contractledger.api.contract;

import java.time.LocalDate;
import java.util.List;

/** Lines due for delivery on a calendar date (UTC). */
public record DeliveryMilestone(String milestoneId, LocalDate dueOn, List<MilestoneLine> lines) {
}
