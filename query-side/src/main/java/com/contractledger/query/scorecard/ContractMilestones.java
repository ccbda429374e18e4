package com.contractledger.query.scorecard;

import com.contractledger.api.contract.ContractTerms;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** The delivery milestones of a contract's terms in force, so that each delivery can be shown against its due date. */
@Document(ContractMilestones.COLLECTION)
public record ContractMilestones(@Id String id, String supplierId, List<Due> milestones, long lastSequence) {

    public static final String COLLECTION = "scorecard_milestones";

    public record Due(String milestoneId, LocalDate dueOn) {
    }

    public ContractMilestones {
        milestones = List.copyOf(milestones);
    }

    static ContractMilestones of(String contractId, String supplierId, ContractTerms terms, long sequence) {
        return new ContractMilestones(contractId, supplierId, terms.deliveries().stream()
                .map(milestone -> new Due(milestone.milestoneId(), milestone.dueOn())).toList(), sequence);
    }

    LocalDate dueOn(String milestoneId) {
        return milestones.stream().filter(due -> due.milestoneId().equals(milestoneId)).map(Due::dueOn).findFirst()
                .orElse(null);
    }
}
