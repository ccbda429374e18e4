package com.contractledger.api.contract.upcasting;

import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.fasterxml.jackson.databind.node.BooleanNode;

/**
 * {@link ContractMilestoneOverdueEvent} revision 1 → 2: adds {@code backfilled}, false because revision 1 was only
 * raised by the deadline, on the day the milestone went overdue.
 */
public class ContractMilestoneOverdueEventUpcaster extends FieldAddedUpcaster {

    public ContractMilestoneOverdueEventUpcaster() {
        super(ContractMilestoneOverdueEvent.class, "1", "backfilled", BooleanNode.FALSE);
    }
}
