package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AddDisputeNoteCommand;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.EscalateDisputeCommand;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.ResolveDisputeCommand;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.UnknownReferenceException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.contractledger.command.contract.ContractRule.DISPUTE_ESCALATES_FORWARD_ONLY;
import static com.contractledger.command.contract.ContractRule.DISPUTE_RESOLVED;
import static com.contractledger.command.contract.ContractRule.SETTLEMENT_FITS_OUTCOME;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The disputes of a contract, a member of its aggregate: each escalates forward only, takes notes while unresolved
 * and is resolved once, with a settlement that fits the outcome. The contract refuses every command once closed.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class Disputes {

    record DisputeState(DisputeStage stage, boolean resolved) {
    }

    private Currency currency;
    private Map<String, DisputeState> byId = new LinkedHashMap<>();

    Disputes() {
        // required by Jackson (snapshots)
    }

    Disputes(Currency currency) {
        this.currency = currency;
    }

    /** Opens a dispute over a breach of the contract, if any, on the track the supplier's tier calls for. */
    void open(OpenDisputeCommand cmd, Set<String> breachIds, SupplierTier tier) {
        ContractEntries.requireNewId("dispute", cmd.disputeId(), byId.keySet());
        if (cmd.breachId() != null && !breachIds.contains(cmd.breachId())) {
            throw ContractEntries.notInContract(cmd.contractId(), "breach", cmd.breachId());
        }
        if (cmd.claimAmount() != null) {
            TermsRules.requireCurrency("claim amount", cmd.claimAmount(), currency);
        }
        // KEY suppliers are worth a long-term relationship: negotiate first. GENERAL ones may go to arbitration early.
        DisputeStage track = tier == SupplierTier.KEY ? DisputeStage.NEGOTIATION : DisputeStage.ARBITRATION;
        apply(new DisputeOpenedEvent(cmd.contractId(), cmd.disputeId(), cmd.breachId(), cmd.category(),
                cmd.claimAmount(), cmd.description(), tier, track, DisputeStage.NEGOTIATION));
    }

    @CommandHandler
    void handle(EscalateDisputeCommand cmd) {
        DisputeState dispute = unresolved(cmd.contractId(), cmd.disputeId());
        if (!cmd.to().isAfter(dispute.stage())) {
            throw DISPUTE_ESCALATES_FORWARD_ONLY.violation("dispute " + cmd.disputeId() + " is at " + dispute.stage()
                    + " and can only escalate forward, not to " + cmd.to(), "stage", dispute.stage(), "to", cmd.to());
        }
        apply(new DisputeEscalatedEvent(cmd.contractId(), cmd.disputeId(), dispute.stage(), cmd.to(), cmd.reason()));
    }

    @CommandHandler
    void handle(AddDisputeNoteCommand cmd) {
        unresolved(cmd.contractId(), cmd.disputeId());
        List<String> evidence = cmd.evidenceRefs() == null ? List.of() : cmd.evidenceRefs();
        apply(new DisputeNoteAddedEvent(cmd.contractId(), cmd.disputeId(), cmd.text(), evidence));
    }

    @CommandHandler
    void handle(ResolveDisputeCommand cmd) {
        DisputeState dispute = unresolved(cmd.contractId(), cmd.disputeId());
        Money settlement = cmd.settlementAmount();
        if (cmd.outcome() == DisputeOutcome.SETTLED || cmd.outcome() == DisputeOutcome.AWARDED) {
            if (settlement == null) {
                throw SETTLEMENT_FITS_OUTCOME.violation("a " + cmd.outcome() + " dispute needs a settlement amount",
                        "outcome", cmd.outcome(), "settlementAmount", null);
            }
            TermsRules.requireCurrency("settlement amount", settlement, currency);
        } else if (settlement != null && settlement.amount().signum() != 0) {
            throw SETTLEMENT_FITS_OUTCOME.violation("a " + cmd.outcome() + " dispute has no settlement amount (given "
                    + settlement + ")", "outcome", cmd.outcome(), "settlementAmount", settlement);
        }
        apply(new DisputeResolvedEvent(cmd.contractId(), cmd.disputeId(), cmd.outcome(), settlement, cmd.summary(),
                dispute.stage()));
    }

    private DisputeState unresolved(ContractId contractId, String disputeId) {
        DisputeState dispute = byId.get(disputeId);
        if (dispute == null) {
            throw new UnknownReferenceException("dispute " + disputeId + " does not exist in contract " + contractId);
        }
        if (dispute.resolved()) {
            throw DISPUTE_RESOLVED.violation("dispute " + disputeId + " is already resolved", "disputeId", disputeId);
        }
        return dispute;
    }

    @EventSourcingHandler
    void on(DisputeOpenedEvent event) {
        byId.put(event.disputeId(), new DisputeState(event.stage(), false));
    }

    @EventSourcingHandler
    void on(DisputeEscalatedEvent event) {
        byId.put(event.disputeId(), new DisputeState(event.to(), false));
    }

    @EventSourcingHandler
    void on(DisputeResolvedEvent event) {
        byId.put(event.disputeId(), new DisputeState(event.stage(), true));
    }
}
