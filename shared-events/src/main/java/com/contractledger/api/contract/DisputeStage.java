package com.contractledger.api.contract;

/** Dispute resolution stages, in the only order a dispute may escalate through. */
public enum DisputeStage {
    NEGOTIATION, MEDIATION, ARBITRATION, LITIGATION;

    public boolean isAfter(DisputeStage other) {
        return compareTo(other) > 0;
    }
}
