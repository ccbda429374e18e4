package com.contractledger.query.audit;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.query.audit.SupplierStateAtPoint.Evaluation;
import com.contractledger.query.audit.SupplierStateAtPoint.Rectification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a supplier relationship's events, in order, into its state. */
final class SupplierStateFold {

    private String supplierId;
    private long version = -1;
    private Instant timestamp;
    private SupplierStatus status;
    private String legalName;
    private String registrationNumber;
    private String region;
    private List<String> categories = List.of();
    private SupplierScale scale;
    private List<String> tags = List.of();
    private SupplierTier tier;
    private CreditRating creditRating;
    private Integer creditScore;
    private boolean stricterTermsRequired;
    private int evaluations;
    private Evaluation lastEvaluation;
    private final Map<String, Rectification> rectifications = new LinkedHashMap<>();
    private int communications;
    private String statusReason;

    boolean isEmpty() {
        return version < 0;
    }

    void apply(long sequence, Instant eventTimestamp, Object event) {
        version = sequence;
        timestamp = eventTimestamp;
        if (event instanceof SupplierOnboardedEvent e) {
            supplierId = e.supplierId().value();
            status = SupplierStatus.ACTIVE;
            legalName = e.legalName();
            registrationNumber = e.registrationNumber();
            region = e.region();
            categories = orEmpty(e.categories());
            scale = e.scale();
            tier = e.tier();
        } else if (event instanceof SupplierCreditAssessedEvent e) {
            creditRating = e.rating();
            creditScore = e.score();
            stricterTermsRequired = e.stricterTermsRequired();
        } else if (event instanceof SupplierClassifiedEvent e) {
            categories = orEmpty(e.categories());
            region = e.region();
            scale = e.scale();
            tags = orEmpty(e.tags());
        } else if (event instanceof SupplierTierChangedEvent e) {
            tier = e.tier();
        } else if (event instanceof SupplierPerformanceEvaluatedEvent e) {
            evaluations++;
            lastEvaluation = new Evaluation(e.evaluationId(), e.periodStart(), e.periodEnd(), e.score(), e.grade());
        } else if (event instanceof RectificationRequestedEvent e) {
            rectifications.put(e.rectificationId(), new Rectification(e.rectificationId(), e.issue(), e.dueOn(), null));
        } else if (event instanceof RectificationCompletedEvent e) {
            Rectification r = rectifications.get(e.rectificationId());
            rectifications.put(e.rectificationId(), new Rectification(r.rectificationId(), r.issue(), r.dueOn(),
                    e.outcome()));
        } else if (event instanceof SupplierSuspendedEvent e) {
            status = SupplierStatus.SUSPENDED;
            statusReason = e.reason();
        } else if (event instanceof SupplierReinstatedEvent e) {
            status = SupplierStatus.ACTIVE;
            statusReason = e.reason();
        } else if (event instanceof SupplierRelationshipTerminatedEvent e) {
            status = SupplierStatus.TERMINATED;
            statusReason = e.reason();
        } else if (event instanceof SupplierCommunicationLoggedEvent) {
            communications++;
        }
    }

    SupplierStateAtPoint state() {
        return new SupplierStateAtPoint(supplierId, version, timestamp, status, legalName, registrationNumber, region,
                categories, scale, tags, tier, creditRating, creditScore, stricterTermsRequired, evaluations,
                lastEvaluation, List.copyOf(rectifications.values()), communications, statusReason);
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
