package com.contractledger.query.audit;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.MilestoneLine;
import com.contractledger.query.audit.ContractStateAtPoint.Breach;
import com.contractledger.query.audit.ContractStateAtPoint.Dispute;
import com.contractledger.query.audit.ContractStateAtPoint.MilestoneLineProgress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a contract's events, in order, into its state. Independent of the command side's aggregate: it follows the
 * published events only, so it shows what the history says, not what today's code would decide.
 */
final class ContractStateFold {

    private record Quantities(BigDecimal delivered, BigDecimal accepted, BigDecimal rejected) {
        static final Quantities NONE = new Quantities(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Quantities plus(DeliveredLine line) {
            return new Quantities(delivered.add(line.delivered()), accepted.add(line.accepted()),
                    rejected.add(line.rejected()));
        }
    }

    private String contractId;
    private long version = -1;
    private Instant timestamp;
    private ContractStatus status;
    private String supplierId;
    private ContractType type;
    private Currency currency;
    private ContractTerms terms;
    private LocalDate signedOn;
    private List<String> signatories = List.of();
    private int amendments;
    private int renewals;
    /** milestoneId → sku → quantities delivered so far. */
    private final Map<String, Map<String, Quantities>> delivered = new LinkedHashMap<>();
    private Money deliveredValue;
    private Money paidTotal;
    private Money penalties;
    private final Map<String, Breach> breaches = new LinkedHashMap<>();
    private final Map<String, Dispute> disputes = new LinkedHashMap<>();
    private final Set<String> overdueMilestones = new LinkedHashSet<>();
    private LocalDate terminatedOn;
    private String terminationReason;
    private LocalDate expiredOn;
    private LocalDate completedOn;

    boolean isEmpty() {
        return version < 0;
    }

    void apply(long sequence, Instant eventTimestamp, Object event) {
        version = sequence;
        timestamp = eventTimestamp;
        if (event instanceof ContractDraftedEvent e) {
            contractId = e.contractId().value();
            supplierId = e.supplierId().value();
            type = e.type();
            currency = e.currency();
            terms = e.terms();
            status = ContractStatus.DRAFT;
            deliveredValue = Money.zero(currency);
            paidTotal = Money.zero(currency);
            penalties = Money.zero(currency);
        } else if (event instanceof ContractSignedEvent e) {
            status = ContractStatus.ACTIVE;
            signedOn = e.signedOn();
            signatories = e.signatories();
        } else if (event instanceof ContractAmendedEvent e) {
            terms = e.terms();
            amendments = e.amendmentNumber();
        } else if (event instanceof ContractRenewedEvent e) {
            terms = e.terms();
            renewals = e.renewalNumber();
        } else if (event instanceof ContractDeliveredEvent e) {
            Map<String, Quantities> bySku = delivered.computeIfAbsent(e.milestoneId(), id -> new LinkedHashMap<>());
            e.lines().forEach(line -> bySku.put(line.sku(), bySku.getOrDefault(line.sku(), Quantities.NONE).plus(line)));
            deliveredValue = deliveredValue.plus(e.deliveredValue());
        } else if (event instanceof ContractPaymentRecordedEvent e) {
            paidTotal = e.totalPaid();
        } else if (event instanceof ContractMilestoneOverdueEvent e) {
            overdueMilestones.add(e.milestoneId());
        } else if (event instanceof ContractBreachedEvent e) {
            breaches.put(e.breachId(), new Breach(e.breachId(), e.type(), e.responsibleParty(), e.occurredOn(),
                    e.relatedDeliveryId(), e.penalty()));
            if (e.penalty() != null) {
                penalties = penalties.plus(e.penalty());
            }
        } else if (event instanceof DisputeOpenedEvent e) {
            disputes.put(e.disputeId(), new Dispute(e.disputeId(), e.category(), e.recommendedTrack(), e.stage(),
                    "OPEN", null, e.claimAmount(), null));
        } else if (event instanceof DisputeEscalatedEvent e) {
            Dispute d = disputes.get(e.disputeId());
            disputes.put(e.disputeId(), new Dispute(d.disputeId(), d.category(), d.recommendedTrack(), e.to(),
                    d.status(), null, d.claimAmount(), null));
        } else if (event instanceof DisputeResolvedEvent e) {
            Dispute d = disputes.get(e.disputeId());
            disputes.put(e.disputeId(), new Dispute(d.disputeId(), d.category(), d.recommendedTrack(), e.stage(),
                    "RESOLVED", e.outcome(), d.claimAmount(), e.settlementAmount()));
        } else if (event instanceof ContractTerminatedEvent e) {
            status = ContractStatus.TERMINATED;
            terminatedOn = e.effectiveOn() != null ? e.effectiveOn() : LocalDate.ofInstant(eventTimestamp, ZoneOffset.UTC);
            terminationReason = e.reason();
        } else if (event instanceof ContractExpiredEvent e) {
            status = ContractStatus.EXPIRED;
            expiredOn = e.expiresOn();
        } else if (event instanceof ContractCompletedEvent e) {
            status = ContractStatus.COMPLETED;
            completedOn = e.completedOn();
        }
    }

    ContractStateAtPoint state() {
        return new ContractStateAtPoint(contractId, version, timestamp, status, supplierId, type, currency, terms,
                signedOn, signatories, amendments, renewals, deliveryProgress(), deliveredValue, paidTotal, penalties,
                List.copyOf(breaches.values()), List.copyOf(disputes.values()), List.copyOf(overdueMilestones),
                terminatedOn, terminationReason, status == ContractStatus.EXPIRED, expiredOn, completedOn);
    }

    /** Every milestone line of the terms then in force, and any delivered line no longer in them. */
    private List<MilestoneLineProgress> deliveryProgress() {
        List<MilestoneLineProgress> progress = new ArrayList<>();
        Map<String, Map<String, Quantities>> remaining = new LinkedHashMap<>();
        delivered.forEach((milestone, bySku) -> remaining.put(milestone, new LinkedHashMap<>(bySku)));
        for (DeliveryMilestone milestone : terms.deliveries()) {
            Map<String, Quantities> bySku = remaining.getOrDefault(milestone.milestoneId(), new LinkedHashMap<>());
            for (MilestoneLine line : milestone.lines()) {
                Quantities q = bySku.getOrDefault(line.sku(), Quantities.NONE);
                bySku.remove(line.sku());
                progress.add(new MilestoneLineProgress(milestone.milestoneId(), line.sku(), line.quantity(),
                        q.delivered(), q.accepted(), q.rejected()));
            }
        }
        remaining.forEach((milestone, bySku) -> bySku.forEach((sku, q) -> progress.add(
                new MilestoneLineProgress(milestone, sku, null, q.delivered(), q.accepted(), q.rejected()))));
        return progress;
    }
}
