package com.contractledger.command.supplier;

import com.contractledger.api.common.Identifiers;
import com.contractledger.api.supplier.Capabilities;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.CommunicationChannel;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.PerformanceGrade;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierTier;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the supplier write API. */
final class SupplierRequests {

    private SupplierRequests() {
    }

    record OnboardSupplier(@Pattern(regexp = Identifiers.PATTERN) String supplierId,
                           @NotBlank @Size(max = 300) String legalName,
                           @NotBlank @Size(max = 100) String registrationNumber,
                           @Size(max = 500) String registeredAddress,
                           @Size(max = 200) String legalRepresentative,
                           @Size(max = 100) String region,
                           @Size(max = 100) List<@NotBlank @Size(max = 100) String> categories,
                           @NotNull SupplierScale scale,
                           @Valid Capabilities capabilities,
                           @Size(max = 100) List<@Valid @NotNull Certification> certifications,
                           @Size(max = 100) List<@Valid @NotNull Contact> contacts,
                           SupplierTier tier) {
    }

    record AssessCredit(@NotNull CreditRating rating,
                        @NotNull @Min(0) @Max(100) Integer score,
                        @NotNull FactorAssessment financialHealth,
                        @NotNull FactorAssessment fulfilmentRecord,
                        @NotNull FactorAssessment reputation,
                        @NotNull CreditSource source,
                        @NotNull LocalDate assessedOn) {
    }

    record ClassifySupplier(@NotNull @Size(max = 100) List<@NotBlank @Size(max = 100) String> categories,
                            @Size(max = 100) String region,
                            @NotNull SupplierScale scale,
                            @Size(max = 100) List<@NotBlank @Size(max = 100) String> tags) {
    }

    record ChangeTier(@NotNull SupplierTier tier, @NotBlank @Size(max = 2000) String reason) {
    }

    record EvaluatePerformance(@Pattern(regexp = Identifiers.PATTERN) String evaluationId,
                               @NotNull LocalDate periodStart,
                               @NotNull LocalDate periodEnd,
                               @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal onTimeDeliveryRate,
                               @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 6) BigDecimal qualityPassRate,
                               @NotNull @PositiveOrZero @Digits(integer = 6, fraction = 2) BigDecimal averageResponseHours,
                               @NotNull @Min(0) @Max(100) Integer score,
                               @NotNull PerformanceGrade grade,
                               @Size(max = 4000) String remarks) {
    }

    /** {@code requestedOn}: when the supplier was asked (a fact), today when left out. */
    record RequestRectification(@NotNull @Pattern(regexp = Identifiers.PATTERN) String rectificationId,
                                @NotBlank @Size(max = 4000) String issue,
                                @NotNull LocalDate dueOn,
                                LocalDate requestedOn) {
    }

    /** {@code completedOn}: when the rectification was closed (a fact), today when left out. */
    record CompleteRectification(@NotNull RectificationOutcome outcome, @Size(max = 4000) String remarks,
                                 LocalDate completedOn) {
    }

    record StatusChange(@NotBlank @Size(max = 2000) String reason) {
    }

    record LogCommunication(@Pattern(regexp = Identifiers.PATTERN) String communicationId,
                            @NotNull CommunicationChannel channel,
                            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> participants,
                            @NotBlank @Size(max = 8000) String summary,
                            @NotNull Instant occurredAt) {
    }
}
