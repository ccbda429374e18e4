package com.contractledger.query.dispute;

import com.contractledger.api.contract.DisputeStage;

import java.time.Instant;
import java.util.List;

/** One step of a dispute's timeline, with who took it. */
public record DisputeEntry(Instant at, Kind kind, DisputeStage stage, String actor, String text,
                           List<String> evidenceRefs) {

    public enum Kind { OPENED, ESCALATED, NOTE, RESOLVED }
}
