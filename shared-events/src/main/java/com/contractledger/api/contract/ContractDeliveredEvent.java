package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A delivery against a milestone; {@code deliveredValue} prices the delivered quantity at the unit prices in force. */
@Revision("1")
public record ContractDeliveredEvent(ContractId contractId, String deliveryId, String milestoneId, LocalDate deliveredOn,
                                     List<DeliveredLine> lines, String inspectionNotes, boolean late, int daysLate,
                                     Money deliveredValue, boolean milestoneMet) {
}
