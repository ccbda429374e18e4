package com.contractledger.command.supplier;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static com.contractledger.command.supplier.SupplierRule.CLASSIFICATION_UNCHANGED;
import static com.contractledger.command.supplier.SupplierRule.PERIOD_ALREADY_EVALUATED;
import static com.contractledger.command.supplier.SupplierRule.RECTIFICATION_CLOSED;
import static com.contractledger.command.supplier.SupplierRule.REINSTATEMENT_NEEDS_SUSPENDED;
import static com.contractledger.command.supplier.SupplierRule.SUPPLIER_TERMINATED;
import static com.contractledger.command.supplier.SupplierRule.SUSPENSION_NEEDS_ACTIVE;
import static com.contractledger.command.supplier.SupplierRule.TIER_UNCHANGED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.contractledger.api.supplier.AssessSupplierCreditCommand;
import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.ChangeSupplierTierCommand;
import com.contractledger.api.supplier.ClassifySupplierCommand;
import com.contractledger.api.supplier.CompleteRectificationCommand;
import com.contractledger.api.supplier.Contact;
import com.contractledger.api.supplier.EvaluateSupplierPerformanceCommand;
import com.contractledger.api.supplier.LogSupplierCommunicationCommand;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.RectificationCompletedEvent;
import com.contractledger.api.supplier.RectificationOutcome;
import com.contractledger.api.supplier.RectificationRequestedEvent;
import com.contractledger.api.supplier.ReinstateSupplierCommand;
import com.contractledger.api.supplier.RequestRectificationCommand;
import com.contractledger.api.reminder.PlannedReminder;
import com.contractledger.api.reminder.ReminderKind;
import com.contractledger.api.supplier.SupplierCertificationExpiredEvent;
import com.contractledger.api.supplier.SupplierCertificationExpiringEvent;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierCommunicationLoggedEvent;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierPerformanceEvaluatedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.api.supplier.SuspendSupplierCommand;
import com.contractledger.api.supplier.TerminateSupplierRelationshipCommand;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.UnknownReferenceException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The buying company's relationship with one supplier: who the supplier is, its tier and segmentation, and the
 * performance, rectification and standing history that decides whether contracts may be placed with it.
 */
@Revision("3") // the state's shape: snapshots of another revision are not used, the events are replayed instead
@Aggregate(snapshotTriggerDefinition = "supplierSnapshotTriggerDefinition", cache = "supplierCache")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
class SupplierRelationship {

    @AggregateIdentifier
    private SupplierId supplierId;
    private SupplierStatus status;
    private SupplierTier tier;
    private ArrayList<String> categories = new ArrayList<>();
    private String region;
    private SupplierScale scale;
    private ArrayList<String> tags = new ArrayList<>();
    private LinkedHashMap<String, EvaluationPeriod> evaluationPeriods = new LinkedHashMap<>();
    private LinkedHashMap<String, Rectification> rectifications = new LinkedHashMap<>();
    private LinkedHashSet<String> communicationIds = new LinkedHashSet<>();
    private ArrayList<Certification> certifications = new ArrayList<>();
    /** The keys of the reminders raised ({@link PlannedReminder#key()}). */
    private LinkedHashSet<String> issuedReminders = new LinkedHashSet<>();

    /** The period one performance evaluation covers. */
    record EvaluationPeriod(LocalDate start, LocalDate end) {
    }

    /**
     * A rectification request; {@code outcome} stays null while it is open. {@code requestedOn} is null for a request
     * recorded before the date was kept.
     */
    record Rectification(String issue, LocalDate requestedOn, LocalDate dueOn, RectificationOutcome outcome) {
    }

    SupplierRelationship() {
        // required by Axon for event sourcing and by Jackson for snapshots
    }

    @CommandHandler
    SupplierRelationship(OnboardSupplierCommand command, DeadlineManager deadlines, Reminders reminders) {
        List<String> categories = listOrEmpty(command.categories());
        List<Certification> certifications = listOrEmpty(command.certifications());
        List<Contact> contacts = listOrEmpty(command.contacts());
        SupplierTier tier = command.tier() == null ? SupplierTier.GENERAL : command.tier();
        apply(new SupplierOnboardedEvent(command.supplierId(), command.legalName(), command.registrationNumber(),
                command.registeredAddress(), command.legalRepresentative(), command.region(), categories,
                command.scale(), command.capabilities(), certifications, contacts, tier));
        certifications.stream().filter(certification -> certification.validUntil() != null)
                .forEach(certification -> reminders.scheduleAhead(deadlines, reminders.policy()
                        .forCertification(certification.name(), certification.validUntil())));
    }

    /** Raises a certification's reminder once, unless the relationship has ended. */
    @DeadlineHandler(deadlineName = Reminders.DEADLINE)
    void on(PlannedReminder reminder, Reminders reminders) {
        boolean held = certifications.stream().anyMatch(certification -> certification.name().equals(reminder.subject())
                && reminder.date().equals(certification.validUntil()));
        if (!held || status == SupplierStatus.TERMINATED || issuedReminders.contains(reminder.key())
                || !reminders.isDue(reminder, reminders.policy().forCertification(reminder.subject(), reminder.date()))) {
            return;
        }
        switch (reminder.kind()) {
            case CERTIFICATION_EXPIRING -> apply(new SupplierCertificationExpiringEvent(supplierId, reminder.subject(),
                    reminder.date(), reminder.daysBefore()));
            case CERTIFICATION_EXPIRED -> apply(new SupplierCertificationExpiredEvent(supplierId, reminder.subject(),
                    reminder.date()));
            default -> throw new IllegalStateException("a supplier has no " + reminder.kind() + " reminders");
        }
    }

    @CommandHandler
    void handle(AssessSupplierCreditCommand command, FactDates facts) {
        refuseIfTerminated();
        if (command.assessedOn() != null) {
            facts.notInFuture("credit assessment date", command.assessedOn());
        }
        apply(new SupplierCreditAssessedEvent(supplierId, command.rating(), command.score(),
                command.financialHealth(), command.fulfilmentRecord(), command.reputation(), command.source(),
                command.assessedOn(), command.rating().requiresStricterTerms()));
    }

    @CommandHandler
    void handle(ClassifySupplierCommand command) {
        refuseIfTerminated();
        List<String> newCategories = listOrEmpty(command.categories());
        List<String> newTags = listOrEmpty(command.tags());
        // categories and tags are sets: a reordering is no change
        boolean unchanged = new HashSet<>(newCategories).equals(new HashSet<>(categories))
                && new HashSet<>(newTags).equals(new HashSet<>(tags))
                && Objects.equals(command.region(), region)
                && command.scale() == scale;
        if (unchanged) {
            throw CLASSIFICATION_UNCHANGED.violation("classification of supplier " + supplierId + " is unchanged",
                    "categories", categories, "tags", tags, "region", region, "scale", scale);
        }
        apply(new SupplierClassifiedEvent(supplierId, newCategories, command.region(), command.scale(), newTags));
    }

    @CommandHandler
    void handle(ChangeSupplierTierCommand command) {
        refuseIfTerminated();
        if (command.tier() == tier) {
            throw TIER_UNCHANGED.violation("supplier " + supplierId + " is already in tier " + tier, "tier", tier);
        }
        apply(new SupplierTierChangedEvent(supplierId, tier, command.tier(), command.reason()));
    }

    @CommandHandler
    void handle(EvaluateSupplierPerformanceCommand command, FactDates facts) {
        refuseIfTerminated();
        // dates are inclusive: a one-day period starts and ends on the same day
        FactDates.notBefore("end of the evaluation period", command.periodEnd(), "start of the evaluation period",
                command.periodStart());
        // a performance is evaluated over a period that is over
        facts.notInFuture("end of the evaluation period", command.periodEnd());
        EvaluationPeriod period = new EvaluationPeriod(command.periodStart(), command.periodEnd());
        if (evaluationPeriods.containsValue(period)) {
            throw PERIOD_ALREADY_EVALUATED.violation("supplier " + supplierId + " has already been evaluated for "
                    + period.start() + ".." + period.end(), "periodStart", period.start(), "periodEnd", period.end());
        }
        String evaluationId = command.evaluationId() == null ? UUID.randomUUID().toString() : command.evaluationId();
        requireNewId("evaluation", evaluationId, evaluationPeriods.containsKey(evaluationId));
        apply(new SupplierPerformanceEvaluatedEvent(supplierId, evaluationId, command.periodStart(),
                command.periodEnd(), command.onTimeDeliveryRate(), command.qualityPassRate(),
                command.averageResponseHours(), command.score(), command.grade(), command.remarks()));
    }

    @CommandHandler
    void handle(RequestRectificationCommand command, FactDates facts) {
        refuseIfTerminated();
        // the client chooses the id (the request requires it): it needs the id to complete the rectification later
        requireNewId("rectification", command.rectificationId(), rectifications.containsKey(command.rectificationId()));
        LocalDate requestedOn = command.requestedOn() == null ? facts.today() : command.requestedOn();
        facts.notInFuture("date of the rectification request", requestedOn);
        apply(new RectificationRequestedEvent(supplierId, command.rectificationId(), command.issue(),
                command.dueOn(), requestedOn));
    }

    @CommandHandler
    void handle(CompleteRectificationCommand command, FactDates facts) {
        refuseIfTerminated();
        Rectification rectification = rectifications.get(command.rectificationId());
        if (rectification == null) {
            throw new UnknownReferenceException("supplier " + supplierId + " has no rectification "
                    + command.rectificationId());
        }
        if (rectification.outcome() != null) {
            throw RECTIFICATION_CLOSED.violation("rectification " + command.rectificationId() + " is already closed ("
                    + rectification.outcome() + ")", "rectificationId", command.rectificationId(),
                    "outcome", rectification.outcome());
        }
        LocalDate completedOn = command.completedOn() == null ? facts.today() : command.completedOn();
        facts.notInFuture("date the rectification was closed", completedOn);
        FactDates.notBefore("date the rectification was closed", completedOn, "date it was requested",
                rectification.requestedOn());
        apply(new RectificationCompletedEvent(supplierId, command.rectificationId(), command.outcome(),
                command.remarks(), completedOn));
    }

    @CommandHandler
    void handle(SuspendSupplierCommand command) {
        refuseIfTerminated();
        if (status != SupplierStatus.ACTIVE) {
            throw SUSPENSION_NEEDS_ACTIVE.violation("supplier " + supplierId + " is already suspended",
                    "status", status);
        }
        apply(new SupplierSuspendedEvent(supplierId, command.reason()));
    }

    @CommandHandler
    void handle(ReinstateSupplierCommand command) {
        refuseIfTerminated();
        if (status != SupplierStatus.SUSPENDED) {
            throw REINSTATEMENT_NEEDS_SUSPENDED.violation("supplier " + supplierId
                    + " is not suspended, so cannot be reinstated", "status", status);
        }
        apply(new SupplierReinstatedEvent(supplierId, command.reason()));
    }

    @CommandHandler
    void handle(TerminateSupplierRelationshipCommand command) {
        refuseIfTerminated();
        apply(new SupplierRelationshipTerminatedEvent(supplierId, command.reason()));
    }

    @CommandHandler
    void handle(LogSupplierCommunicationCommand command, FactDates facts) {
        refuseIfTerminated();
        facts.notInFuture("date of the communication", command.occurredAt());
        String communicationId = command.communicationId() == null
                ? UUID.randomUUID().toString()
                : command.communicationId();
        requireNewId("communication", communicationId, communicationIds.contains(communicationId));
        apply(new SupplierCommunicationLoggedEvent(supplierId, communicationId, command.channel(),
                listOrEmpty(command.participants()), command.summary(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(SupplierOnboardedEvent event) {
        supplierId = event.supplierId();
        status = SupplierStatus.ACTIVE;
        tier = event.tier();
        categories = new ArrayList<>(listOrEmpty(event.categories()));
        region = event.region();
        scale = event.scale();
        certifications = new ArrayList<>(listOrEmpty(event.certifications()));
    }

    @EventSourcingHandler
    void on(SupplierClassifiedEvent event) {
        categories = new ArrayList<>(listOrEmpty(event.categories()));
        region = event.region();
        scale = event.scale();
        tags = new ArrayList<>(listOrEmpty(event.tags()));
    }

    @EventSourcingHandler
    void on(SupplierTierChangedEvent event) {
        tier = event.tier();
    }

    @EventSourcingHandler
    void on(SupplierPerformanceEvaluatedEvent event) {
        evaluationPeriods.put(event.evaluationId(), new EvaluationPeriod(event.periodStart(), event.periodEnd()));
    }

    @EventSourcingHandler
    void on(RectificationRequestedEvent event) {
        rectifications.put(event.rectificationId(),
                new Rectification(event.issue(), event.requestedOn(), event.dueOn(), null));
    }

    @EventSourcingHandler
    void on(RectificationCompletedEvent event) {
        Rectification requested = rectifications.get(event.rectificationId());
        rectifications.put(event.rectificationId(),
                new Rectification(requested.issue(), requested.requestedOn(), requested.dueOn(), event.outcome()));
    }

    @EventSourcingHandler
    void on(SupplierSuspendedEvent event) {
        status = SupplierStatus.SUSPENDED;
    }

    @EventSourcingHandler
    void on(SupplierReinstatedEvent event) {
        status = SupplierStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(SupplierRelationshipTerminatedEvent event) {
        status = SupplierStatus.TERMINATED;
    }

    @EventSourcingHandler
    void on(SupplierCertificationExpiringEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.CERTIFICATION_EXPIRING, event.name(),
                event.validUntil(), event.daysBefore()));
    }

    @EventSourcingHandler
    void on(SupplierCertificationExpiredEvent event) {
        issuedReminders.add(PlannedReminder.keyOf(ReminderKind.CERTIFICATION_EXPIRED, event.name(),
                event.validUntil(), 0));
    }

    @EventSourcingHandler
    void on(SupplierCommunicationLoggedEvent event) {
        communicationIds.add(event.communicationId());
    }

    private void refuseIfTerminated() {
        if (status == SupplierStatus.TERMINATED) {
            throw SUPPLIER_TERMINATED.violation("supplier relationship " + supplierId + " is terminated");
        }
    }

    private void requireNewId(String kind, String id, boolean alreadyUsed) {
        if (alreadyUsed) {
            throw CommonRule.ID_ALREADY_RECORDED.violation(kind + " " + id + " already exists for supplier "
                    + supplierId, "entry", kind, "id", id);
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

}
