package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractId;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.RuleViolationException;

import java.util.Set;

import static com.contractledger.command.contract.ContractRule.REFERENCE_NOT_IN_CONTRACT;

/**
 * The entries of a contract (deliveries, payments, breaches, disputes): each id is recorded once, and an entry is named
 * only once recorded.
 */
final class ContractEntries {

    private ContractEntries() {
    }

    static void requireNewId(String entry, String id, Set<String> recorded) {
        if (recorded.contains(id)) {
            throw CommonRule.ID_ALREADY_RECORDED.violation(entry + " " + id + " is already recorded",
                    "entry", entry, "id", id);
        }
    }

    static RuleViolationException notInContract(ContractId contractId, String entry, String id) {
        return REFERENCE_NOT_IN_CONTRACT.violation(entry + " " + id + " does not exist in contract " + contractId,
                "entry", entry, "id", id);
    }
}
