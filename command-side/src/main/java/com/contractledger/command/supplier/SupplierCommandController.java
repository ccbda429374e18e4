package com.contractledger.command.supplier;

import com.contractledger.api.supplier.AssessSupplierCreditCommand;
import com.contractledger.api.supplier.ChangeSupplierTierCommand;
import com.contractledger.api.supplier.ClassifySupplierCommand;
import com.contractledger.api.supplier.CompleteRectificationCommand;
import com.contractledger.api.supplier.EvaluateSupplierPerformanceCommand;
import com.contractledger.api.supplier.LogSupplierCommunicationCommand;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.ReinstateSupplierCommand;
import com.contractledger.api.supplier.RequestRectificationCommand;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SuspendSupplierCommand;
import com.contractledger.api.supplier.TerminateSupplierRelationshipCommand;
import com.contractledger.command.supplier.SupplierRequests.AssessCredit;
import com.contractledger.command.supplier.SupplierRequests.ChangeTier;
import com.contractledger.command.supplier.SupplierRequests.ClassifySupplier;
import com.contractledger.command.supplier.SupplierRequests.CompleteRectification;
import com.contractledger.command.supplier.SupplierRequests.EvaluatePerformance;
import com.contractledger.command.supplier.SupplierRequests.LogCommunication;
import com.contractledger.command.supplier.SupplierRequests.OnboardSupplier;
import com.contractledger.command.supplier.SupplierRequests.RequestRectification;
import com.contractledger.command.supplier.SupplierRequests.StatusChange;
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

/** Write API of supplier relationships: maps each request onto its command, nothing more. */
@RestController
@RequestMapping("/api/suppliers")
class SupplierCommandController {

    private final CommandDispatcher commands;

    SupplierCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @ApiResponse(responseCode = "201", description = "Created: {id, version}, with the new aggregate's Location and its ETag")
    @PostMapping
    ResponseEntity<WriteResponse> onboard(@Valid @RequestBody OnboardSupplier body, WriteContext write) {
        SupplierId supplierId = SupplierId.of(Objects.requireNonNullElseGet(body.supplierId(),
                () -> UUID.randomUUID().toString()));
        return commands.create(write, body, new OnboardSupplierCommand(supplierId, body.legalName(),
                body.registrationNumber(), body.registeredAddress(), body.legalRepresentative(), body.region(),
                orEmpty(body.categories()), body.scale(), body.capabilities(), orEmpty(body.certifications()),
                orEmpty(body.contacts()), body.tier()), "/api/suppliers/");
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{supplierId}/credit-assessments")
    ResponseEntity<WriteResponse> assessCredit(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                               @Valid @RequestBody AssessCredit body, WriteContext write) {
        return commands.record(write, body, new AssessSupplierCreditCommand(SupplierId.of(supplierId), body.rating(),
                body.score(), body.financialHealth(), body.fulfilmentRecord(), body.reputation(), body.source(),
                body.assessedOn(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/classification")
    ResponseEntity<WriteResponse> classify(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                           @Valid @RequestBody ClassifySupplier body, WriteContext write) {
        return commands.change(write, body, new ClassifySupplierCommand(SupplierId.of(supplierId), body.categories(),
                body.region(), body.scale(), orEmpty(body.tags()), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/tier")
    ResponseEntity<WriteResponse> changeTier(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                             @Valid @RequestBody ChangeTier body, WriteContext write) {
        return commands.change(write.because(body.reason()), body, new ChangeSupplierTierCommand(
                SupplierId.of(supplierId), body.tier(), body.reason(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{supplierId}/evaluations")
    ResponseEntity<WriteResponse> evaluate(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                           @Valid @RequestBody EvaluatePerformance body, WriteContext write) {
        return commands.record(write, body, new EvaluateSupplierPerformanceCommand(SupplierId.of(supplierId),
                body.evaluationId(), body.periodStart(), body.periodEnd(), body.onTimeDeliveryRate(),
                body.qualityPassRate(), body.averageResponseHours(), body.score(), body.grade(), body.remarks(),
                write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{supplierId}/rectifications")
    ResponseEntity<WriteResponse> requestRectification(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                                       @Valid @RequestBody RequestRectification body,
                                                       WriteContext write) {
        return commands.record(write.because(body.issue()), body, new RequestRectificationCommand(
                SupplierId.of(supplierId), body.rectificationId(), body.issue(), body.dueOn(), body.requestedOn(),
                write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/rectifications/{rectificationId}/completion")
    ResponseEntity<WriteResponse> completeRectification(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                                        @PathVariable @Pattern(regexp = PATTERN) String rectificationId,
                                                        @Valid @RequestBody CompleteRectification body,
                                                        WriteContext write) {
        return commands.change(write, body, new CompleteRectificationCommand(SupplierId.of(supplierId),
                rectificationId, body.outcome(), body.remarks(), body.completedOn(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/suspension")
    ResponseEntity<WriteResponse> suspend(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                          @Valid @RequestBody StatusChange body, WriteContext write) {
        return commands.change(write.because(body.reason()), body,
                new SuspendSupplierCommand(SupplierId.of(supplierId), body.reason(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/reinstatement")
    ResponseEntity<WriteResponse> reinstate(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                            @Valid @RequestBody StatusChange body, WriteContext write) {
        return commands.change(write.because(body.reason()), body,
                new ReinstateSupplierCommand(SupplierId.of(supplierId), body.reason(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "202", description = "Accepted: {id, version} and the ETag")
    @PostMapping("/{supplierId}/termination")
    ResponseEntity<WriteResponse> terminate(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                            @Valid @RequestBody StatusChange body, WriteContext write) {
        return commands.change(write.because(body.reason()), body, new TerminateSupplierRelationshipCommand(
                SupplierId.of(supplierId), body.reason(), write.expectedVersion()));
    }

    @ApiResponse(responseCode = "201", description = "Recorded: {id, version} and the ETag")
    @PostMapping("/{supplierId}/communications")
    ResponseEntity<WriteResponse> logCommunication(@PathVariable @Pattern(regexp = PATTERN) String supplierId,
                                                   @Valid @RequestBody LogCommunication body, WriteContext write) {
        return commands.record(write, body, new LogSupplierCommunicationCommand(SupplierId.of(supplierId),
                body.communicationId(), body.channel(), body.participants(), body.summary(), body.occurredAt(),
                write.expectedVersion()));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
