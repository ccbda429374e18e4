package com.contractledger.query.supplier;

import com.contractledger.api.supplier.Capabilities;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.CreditSource;
import com.contractledger.api.supplier.FactorAssessment;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.common.EvaluationSummary;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything recorded about one supplier relationship: identity, segmentation, tier, credit, standing, performance. */
@Document(SupplierProfileView.COLLECTION)
public record SupplierProfileView(@Id String id, String legalName, String registrationNumber, String registeredAddress,
                                  String legalRepresentative, String region, List<String> categories,
                                  SupplierScale scale, List<String> tags, Capabilities capabilities,
                                  List<Certification> certifications, List<Contact> contacts, SupplierTier tier,
                                  SupplierStatus status, String statusReason, Credit credit,
                                  EvaluationSummary latestEvaluation, int evaluations,
                                  List<Rectification> rectifications, int communications,
                                  Instant lastCommunicationAt, Instant onboardedAt, long version,
                                  @JsonIgnore long lastSequence) {

    public static final String COLLECTION = "supplier_profiles";

    public record Credit(CreditRating rating, int score, FactorAssessment financialHealth,
                         FactorAssessment fulfilmentRecord, FactorAssessment reputation, CreditSource source,
                         LocalDate assessedOn, boolean stricterTermsRequired) {
    }

    /** {@code outcome} is null while the rectification is open. */
    public record Rectification(String rectificationId, String issue, LocalDate dueOn, RectificationOutcome outcome,
                                String remarks) {
    }

    SupplierProfileView applied(long sequence) {
        return new SupplierProfileView(id, legalName, registrationNumber, registeredAddress, legalRepresentative,
                region, categories, scale, tags, capabilities, certifications, contacts, tier, status, statusReason,
                credit, latestEvaluation, evaluations, rectifications, communications, lastCommunicationAt,
                onboardedAt, sequence, sequence);
    }

    SupplierProfileView withSegment(List<String> newCategories, String newRegion, SupplierScale newScale,
                                    List<String> newTags, SupplierTier newTier) {
        return new SupplierProfileView(id, legalName, registrationNumber, registeredAddress, legalRepresentative,
                newRegion, newCategories, newScale, newTags, capabilities, certifications, contacts, newTier, status,
                statusReason, credit, latestEvaluation, evaluations, rectifications, communications,
                lastCommunicationAt, onboardedAt, version, lastSequence);
    }

    SupplierProfileView withStanding(SupplierStatus newStatus, String reason) {
        return new SupplierProfileView(id, legalName, registrationNumber, registeredAddress, legalRepresentative,
                region, categories, scale, tags, capabilities, certifications, contacts, tier, newStatus, reason,
                credit, latestEvaluation, evaluations, rectifications, communications, lastCommunicationAt,
                onboardedAt, version, lastSequence);
    }

    SupplierProfileView withPerformance(Credit newCredit, EvaluationSummary newLatest, int newEvaluations,
                                        List<Rectification> newRectifications) {
        return new SupplierProfileView(id, legalName, registrationNumber, registeredAddress, legalRepresentative,
                region, categories, scale, tags, capabilities, certifications, contacts, tier, status, statusReason,
                newCredit, newLatest, newEvaluations, newRectifications, communications, lastCommunicationAt,
                onboardedAt, version, lastSequence);
    }

    SupplierProfileView withCommunication(Instant at) {
        return new SupplierProfileView(id, legalName, registrationNumber, registeredAddress, legalRepresentative,
                region, categories, scale, tags, capabilities, certifications, contacts, tier, status, statusReason,
                credit, latestEvaluation, evaluations, rectifications, communications + 1,
                lastCommunicationAt == null || at.isAfter(lastCommunicationAt) ? at : lastCommunicationAt,
                onboardedAt, version, lastSequence);
    }
}
