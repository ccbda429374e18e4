package com.contractledger.api.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.supplier.SupplierTier;
import org.axonframework.serialization.Revision;

/** A dispute was opened at NEGOTIATION; {@code recommendedTrack} follows the supplier's tier. */
@Revision("1")
public record DisputeOpenedEvent(ContractId contractId, String disputeId, String breachId, DisputeCategory category,
                                 Money claimAmount, String description, SupplierTier supplierTier,
                                 DisputeStage recommendedTrack, DisputeStage stage) {
}
