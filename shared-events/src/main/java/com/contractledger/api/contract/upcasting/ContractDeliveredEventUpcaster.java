package com.contractledger.api.contract.upcasting;

import com.contractledger.api.contract.ContractDeliveredEvent;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * {@link ContractDeliveredEvent} revision 1 → 2: adds {@code inspector}, null because revision 1 did not record who
 * inspected the delivery.
 */
public class ContractDeliveredEventUpcaster extends FieldAddedUpcaster {

    public ContractDeliveredEventUpcaster() {
        super(ContractDeliveredEvent.class, "1", "inspector", NullNode.getInstance());
    }
}
