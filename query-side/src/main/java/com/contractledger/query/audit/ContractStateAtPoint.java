package com.contractledger.query.audit;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.ResponsibleParty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A contract as it stood just after the event with sequence number {@code version}, rebuilt from the event store.
 */
public record ContractStateAtPoint(String contractId, long version, Instant asOfEventTimestamp, ContractStatus status,
                                   String supplierId, ContractType type, Currency currency, ContractTerms terms,
                                   LocalDate signedOn, List<String> signatories, int amendments, int renewals,
                                   List<MilestoneLineProgress> deliveries, Money deliveredValue, Money paidTotal,
                                   Money penalties, List<Breach> breaches, List<Dispute> disputes,
                                   List<String> overdueMilestones, LocalDate terminatedOn, String terminationReason,
                                   boolean expired, LocalDate expiredOn, LocalDate completedOn) {

    /** One line of a delivery milestone: what is due under the terms then in force and what was delivered against it. */
    public record MilestoneLineProgress(String milestoneId, String sku, BigDecimal due, BigDecimal delivered,
                                        BigDecimal accepted, BigDecimal rejected) {
    }

    public record Breach(String breachId, BreachType type, ResponsibleParty responsibleParty, LocalDate occurredOn,
                         String relatedDeliveryId, Money penalty) {
    }

    public record Dispute(String disputeId, DisputeCategory category, DisputeStage recommendedTrack, DisputeStage stage,
                          String status, DisputeOutcome outcome, Money claimAmount, Money settlementAmount) {
    }
}
