package com.contractledger.command.contract;

import com.contractledger.api.contract.AddDisputeNoteCommand;
import com.contractledger.api.contract.AmendContractCommand;
import com.contractledger.api.contract.ContractChanges;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.DraftContractCommand;
import com.contractledger.api.contract.EscalateDisputeCommand;
import com.contractledger.api.contract.OpenDisputeCommand;
import com.contractledger.api.contract.RecordBreachCommand;
import com.contractledger.api.contract.RecordDeliveryCommand;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.RenewContractCommand;
import com.contractledger.api.contract.ResolveDisputeCommand;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.command.contract.ContractRequests.AddDisputeNote;
import com.contractledger.command.contract.ContractRequests.AmendContract;
import com.contractledger.command.contract.ContractRequests.DraftContract;
import com.contractledger.command.contract.ContractRequests.EscalateDispute;
import com.contractledger.command.contract.ContractRequests.OpenDispute;
import com.contractledger.command.contract.ContractRequests.RecordBreach;
import com.contractledger.command.contract.ContractRequests.RecordDelivery;
import com.contractledger.command.contract.ContractRequests.RecordPayment;
import com.contractledger.command.contract.ContractRequests.RenewContract;
import com.contractledger.command.contract.ContractRequests.ResolveDispute;
import com.contractledger.command.contract.ContractRequests.SignContract;
import com.contractledger.command.contract.ContractRequests.TerminateContract;
import com.contractledger.command.web.CommandDispatcher;
import com.contractledger.command.web.WriteContext;
import com.contractledger.command.web.WriteResponse;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static com.contractledger.api.common.Identifiers.PATTERN;

/** Write API of contracts: maps each request onto its command, nothing more. */
@RestController
@RequestMapping("/api/contracts")
class ContractCommandController {

    private final CommandDispatcher commands;

    ContractCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Created: {id, version}, with the new aggregate's Location and its ETag")
    @PostMapping
    ResponseEntity<WriteResponse> draft(@Valid @RequestBody DraftContract body, WriteContext write) {
        ContractId contractId = ContractId.of(Objects.requireNonNullElseGet(body.contractId(),
                () -> UUID.randomUUID().toString()));
        ContractTerms terms = new ContractTerms(body.title(), body.lineItems(), orEmpty(body.deliveries()),
                body.paymentTerms(), orEmpty(body.qualityStandards()), body.penaltyClause(), body.guarantee(),
                body.effectiveFrom(), body.expiresOn(), body.renewalNoticeDays());
        return commands.create(write, body, new DraftContractCommand(contractId, SupplierId.of(body.supplierId()),
                body.type(), body.currency(), terms), "/api/contracts/");
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{contractId}/signature")
    ResponseEntity<WriteResponse> sign(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                       @Valid @RequestBody SignContract body, WriteContext write) {
        return commands.change(write, body, new SignContractCommand(ContractId.of(contractId), body.signatories(),
                body.signedOn(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/amendments")
    ResponseEntity<WriteResponse> amend(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                        @Valid @RequestBody AmendContract body, WriteContext write) {
        return commands.record(write.because(body.reason() + ": " + body.description()), body,
                new AmendContractCommand(ContractId.of(contractId), body.reason(), body.description(), body.changes(),
                        write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/deliveries")
    ResponseEntity<WriteResponse> deliver(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                          @Valid @RequestBody RecordDelivery body, WriteContext write) {
        return commands.record(write, body, new RecordDeliveryCommand(ContractId.of(contractId), body.deliveryId(),
                body.milestoneId(), body.deliveredOn(), body.lines(), body.inspectionNotes(), body.inspector(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/payments")
    ResponseEntity<WriteResponse> pay(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                      @Valid @RequestBody RecordPayment body, WriteContext write) {
        return commands.record(write, body, new RecordPaymentCommand(ContractId.of(contractId), body.paymentId(),
                body.amount(), body.paidOn(), body.reference(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/breaches")
    ResponseEntity<WriteResponse> breach(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                         @Valid @RequestBody RecordBreach body, WriteContext write) {
        return commands.record(write.because(body.description()), body, new RecordBreachCommand(
                ContractId.of(contractId), body.breachId(), body.type(), body.responsibleParty(), body.description(),
                body.relatedDeliveryId(), body.occurredOn(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/disputes")
    ResponseEntity<WriteResponse> openDispute(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                              @Valid @RequestBody OpenDispute body, WriteContext write) {
        return commands.record(write.because(body.description()), body, new OpenDisputeCommand(
                ContractId.of(contractId), body.disputeId(), body.breachId(), body.category(), body.claimAmount(),
                body.description(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/disputes/{disputeId}/escalations")
    ResponseEntity<WriteResponse> escalate(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                           @PathVariable @Pattern(regexp = PATTERN) String disputeId,
                                           @Valid @RequestBody EscalateDispute body, WriteContext write) {
        return commands.record(write.because(body.reason()), body, new EscalateDisputeCommand(
                ContractId.of(contractId), disputeId, body.to(), body.reason(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/disputes/{disputeId}/notes")
    ResponseEntity<WriteResponse> addNote(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                          @PathVariable @Pattern(regexp = PATTERN) String disputeId,
                                          @Valid @RequestBody AddDisputeNote body, WriteContext write) {
        return commands.record(write, body, new AddDisputeNoteCommand(ContractId.of(contractId), disputeId,
                body.text(), orEmpty(body.evidenceRefs()), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{contractId}/disputes/{disputeId}/resolution")
    ResponseEntity<WriteResponse> resolve(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                          @PathVariable @Pattern(regexp = PATTERN) String disputeId,
                                          @Valid @RequestBody ResolveDispute body, WriteContext write) {
        return commands.change(write.because(body.summary()), body, new ResolveDisputeCommand(
                ContractId.of(contractId), disputeId, body.outcome(), body.settlementAmount(), body.summary(),
                write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{contractId}/renewals")
    ResponseEntity<WriteResponse> renew(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                        @Valid @RequestBody RenewContract body, WriteContext write) {
        return commands.record(write, body, new RenewContractCommand(ContractId.of(contractId), body.newExpiresOn(),
                Objects.requireNonNullElseGet(body.changes(), ContractChanges::none), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{contractId}/termination")
    ResponseEntity<WriteResponse> terminate(@PathVariable @Pattern(regexp = PATTERN) String contractId,
                                            @Valid @RequestBody TerminateContract body, WriteContext write) {
        return commands.change(write.because(body.reason()), body, new TerminateContractCommand(
                ContractId.of(contractId), body.reason(), body.effectiveOn(), write.expectedVersion()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
