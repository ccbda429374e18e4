package com.contractledger.api.contract;

import com.contractledger.api.common.Money;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A delivery against a milestone; {@code deliveredValue} prices the delivered quantity at the unit prices in force.
 * Revision 2 adds {@code inspector}, who inspected the delivery and accepted or rejected its lines (a quality dispute
 * needs the name); revision-1 events are upcast with {@code inspector} null, as nobody recorded it then.
 */
@Revision("2")
public record ContractDeliveredEvent(ContractId contractId, String deliveryId, String milestoneId, LocalDate deliveredOn,
                                     List<DeliveredLine> lines, String inspectionNotes, String inspector, boolean late,
                                     int daysLate,
                                     Money deliveredValue, boolean milestoneMet) {
}
