package com.contractledger.command.contract;

import com.contractledger.api.common.Identifiers;
import com.contractledger.api.common.Money;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.BreachType;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractType;
import com.contractledger.api.contract.DeliveredLine;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.contract.DisputeCategory;
import com.contractledger.api.contract.DisputeOutcome;
import com.contractledger.api.contract.DisputeStage;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.LineItem;
import com.contractledger.api.contract.PaymentTerms;
import com.contractledger.api.contract.PenaltyClause;
import com.contractledger.api.contract.ResponsibleParty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Request bodies of the contract write API. */
final class ContractRequests {

    private ContractRequests() {
    }

    record DraftContract(@Pattern(regexp = Identifiers.PATTERN) String contractId,
                         @NotNull @Pattern(regexp = Identifiers.PATTERN) String supplierId,
                         @NotBlank @Size(max = 200) String title,
                         @NotNull ContractType type,
                         @NotNull Currency currency,
                         @NotEmpty @Size(max = 1000) List<@Valid @NotNull LineItem> lineItems,
                         @Size(max = 1000) List<@Valid @NotNull DeliveryMilestone> deliveries,
                         @Valid PaymentTerms paymentTerms,
                         @Size(max = 100) List<@NotBlank @Size(max = 200) String> qualityStandards,
                         @Valid PenaltyClause penaltyClause,
                         @Valid Guarantee guarantee,
                         @NotNull LocalDate effectiveFrom,
                         @NotNull LocalDate expiresOn,
                         @Min(1) @Max(3650) Integer renewalNoticeDays) {
    }

    record SignContract(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> signatories,
                        @NotNull LocalDate signedOn) {
    }

    record AmendContract(@NotNull AmendmentReason reason,
                         @NotBlank @Size(max = 2000) String description,
                         @NotNull @Valid ContractChanges changes) {
    }

    record RecordDelivery(@NotNull @Pattern(regexp = Identifiers.PATTERN) String deliveryId,
                          @NotNull @Pattern(regexp = Identifiers.PATTERN) String milestoneId,
                          @NotNull LocalDate deliveredOn,
                          @NotEmpty @Size(max = 1000) List<@Valid @NotNull DeliveredLine> lines,
                          @Size(max = 4000) String inspectionNotes,
                          @Size(max = 200) String inspector) {
    }

    record RecordPayment(@NotNull @Pattern(regexp = Identifiers.PATTERN) String paymentId,
                         @NotNull @Valid Money amount,
                         @NotNull LocalDate paidOn,
                         @Size(max = 200) String reference) {
    }

    record RecordBreach(@NotNull @Pattern(regexp = Identifiers.PATTERN) String breachId,
                        @NotNull BreachType type,
                        @NotNull ResponsibleParty responsibleParty,
                        @NotBlank @Size(max = 4000) String description,
                        @Pattern(regexp = Identifiers.PATTERN) String relatedDeliveryId,
                        @NotNull LocalDate occurredOn) {
    }

    record OpenDispute(@NotNull @Pattern(regexp = Identifiers.PATTERN) String disputeId,
                       @Pattern(regexp = Identifiers.PATTERN) String breachId,
                       @NotNull DisputeCategory category,
                       @NotNull @Valid Money claimAmount,
                       @NotBlank @Size(max = 4000) String description) {
    }

    record EscalateDispute(@NotNull DisputeStage to, @NotBlank @Size(max = 2000) String reason) {
    }

    record AddDisputeNote(@NotBlank @Size(max = 8000) String text,
                          @Size(max = 100) List<@NotBlank @Size(max = 500) String> evidenceRefs) {
    }

    record ResolveDispute(@NotNull DisputeOutcome outcome, @Valid Money settlementAmount,
                          @NotBlank @Size(max = 4000) String summary) {
    }

    record RenewContract(@NotNull LocalDate newExpiresOn, @Valid ContractChanges changes) {
    }

    record TerminateContract(@NotBlank @Size(max = 2000) String reason, LocalDate effectiveOn) {
    }
}
