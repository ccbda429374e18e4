package com.contractledger.command;

import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Rule;
import com.contractledger.command.contract.ContractRule;
import com.contractledger.command.supplier.SupplierRule;

import java.util.List;

/** Every rule the aggregates enforce, by the aggregate that enforces it: the list docs/rules.md is generated from. */
public final class RuleCatalogue {

    /** A heading of the list and the rules under it. */
    public record Section(String heading, List<Rule> rules) {
    }

    private RuleCatalogue() {
    }

    public static List<Section> sections() {
        return List.of(
                new Section("Contracts", List.of(ContractRule.values())),
                new Section("Suppliers", List.of(SupplierRule.values())),
                new Section("Every aggregate: dates of facts, ids of entries", List.of(CommonRule.values())));
    }

    public static List<Rule> all() {
        return sections().stream().flatMap(section -> section.rules().stream()).toList();
    }
}
