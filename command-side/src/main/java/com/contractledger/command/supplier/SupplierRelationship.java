package com.contractledger.command.supplier;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.contractledger.api.common.Identifiers;
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
import com.contractledger.command.common.FactDates;
import com.contractledger.command.common.Reminders;
import com.contractledger.command.common.RuleViolationException;
import com.contractledger.command.common.UnknownReferenceException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
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

    private static final int MIN_SCORE = 0;
    private static final int MAX_SCORE = 100;

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
        if (command.supplierId() == null) {
            throw new RuleViolationException("supplierId is required to onboard a supplier");
        }
        if (isBlank(command.legalName())) {
            throw new RuleViolationException("supplier " + command.supplierId() + " needs a legal name");
        }
        List<String> categories = listOrEmpty(command.categories());
        if (categories.stream().anyMatch(SupplierRelationship::isBlank)) {
            throw new RuleViolationException("supplier " + command.supplierId() + " has a blank product category");
        }
        List<Certification> certifications = listOrEmpty(command.certifications());
        if (certifications.stream().anyMatch(certification -> certification == null || isBlank(certification.name()))) {
            throw new RuleViolationException("every certification of supplier " + command.supplierId() + " needs a name");
        }
        List<Contact> contacts = listOrEmpty(command.contacts());
        if (contacts.stream().anyMatch(contact -> contact == null || isBlank(contact.name()))) {
            throw new RuleViolationException("every contact of supplier " + command.supplierId() + " needs a name");
        }
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
        if (command.rating() == null) {
            throw new RuleViolationException("a credit assessment of supplier " + supplierId + " needs a rating");
        }
        if (command.assessedOn() != null) {
            facts.notInFuture("credit assessment date", command.assessedOn());
        }
        requireScore("credit score", command.score());
        apply(new SupplierCreditAssessedEvent(supplierId, command.rating(), command.score(),
                command.financialHealth(), command.fulfilmentRecord(), command.reputation(), command.source(),
                command.assessedOn(), command.rating().requiresStricterTerms()));
    }

    @CommandHandler
    void handle(ClassifySupplierCommand command) {
        refuseIfTerminated();
        List<String> newCategories = listOrEmpty(command.categories());
        List<String> newTags = listOrEmpty(command.tags());
        if (newCategories.stream().anyMatch(SupplierRelationship::isBlank)
                || newTags.stream().anyMatch(SupplierRelationship::isBlank)) {
            throw new RuleViolationException("classification of supplier " + supplierId
                    + " has a blank category or tag");
        }
        // categories and tags are sets: a reordering is no change
        boolean unchanged = new HashSet<>(newCategories).equals(new HashSet<>(categories))
                && new HashSet<>(newTags).equals(new HashSet<>(tags))
                && Objects.equals(command.region(), region)
                && command.scale() == scale;
        if (unchanged) {
            throw new RuleViolationException("classification of supplier " + supplierId + " is unchanged");
        }
        apply(new SupplierClassifiedEvent(supplierId, newCategories, command.region(), command.scale(), newTags));
    }

    @CommandHandler
    void handle(ChangeSupplierTierCommand command) {
        refuseIfTerminated();
        if (command.tier() == null) {
            throw new RuleViolationException("a tier change of supplier " + supplierId + " needs the new tier");
        }
        if (command.tier() == tier) {
            throw new RuleViolationException("supplier " + supplierId + " is already in tier " + tier);
        }
        apply(new SupplierTierChangedEvent(supplierId, tier, command.tier(), command.reason()));
    }

    @CommandHandler
    void handle(EvaluateSupplierPerformanceCommand command, FactDates facts) {
        refuseIfTerminated();
        if (command.periodStart() == null || command.periodEnd() == null) {
            throw new RuleViolationException("a performance evaluation of supplier " + supplierId
                    + " needs the start and end of its period");
        }
        // dates are inclusive: a one-day period starts and ends on the same day
        FactDates.notBefore("end of the evaluation period", command.periodEnd(), "start of the evaluation period",
                command.periodStart());
        // a performance is evaluated over a period that is over
        facts.notInFuture("end of the evaluation period", command.periodEnd());
        requireFraction("on-time delivery rate", command.onTimeDeliveryRate());
        requireFraction("quality pass rate", command.qualityPassRate());
        if (command.averageResponseHours() == null || command.averageResponseHours().signum() < 0) {
            throw new RuleViolationException("average response hours must be zero or more, was "
                    + command.averageResponseHours());
        }
        requireScore("performance score", command.score());
        if (command.grade() == null) {
            throw new RuleViolationException("a performance evaluation of supplier " + supplierId + " needs a grade");
        }
        EvaluationPeriod period = new EvaluationPeriod(command.periodStart(), command.periodEnd());
        if (evaluationPeriods.containsValue(period)) {
            throw new RuleViolationException("supplier " + supplierId + " has already been evaluated for "
                    + period.start() + ".." + period.end());
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
        // the client needs the id to complete the rectification later, so it is chosen outside the aggregate
        if (command.rectificationId() == null) {
            throw new RuleViolationException("a rectification request to supplier " + supplierId + " needs an id");
        }
        requireNewId("rectification", command.rectificationId(), rectifications.containsKey(command.rectificationId()));
        if (isBlank(command.issue()) || command.dueOn() == null) {
            throw new RuleViolationException("rectification " + command.rectificationId()
                    + " needs the issue to rectify and a due date");
        }
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
            throw new RuleViolationException("rectification " + command.rectificationId() + " is already closed ("
                    + rectification.outcome() + ")");
        }
        if (command.outcome() == null) {
            throw new RuleViolationException("closing rectification " + command.rectificationId()
                    + " needs an outcome, COMPLETED or FAILED");
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
            throw new RuleViolationException("supplier " + supplierId + " is already suspended");
        }
        apply(new SupplierSuspendedEvent(supplierId, command.reason()));
    }

    @CommandHandler
    void handle(ReinstateSupplierCommand command) {
        refuseIfTerminated();
        if (status != SupplierStatus.SUSPENDED) {
            throw new RuleViolationException("supplier " + supplierId + " is not suspended, so cannot be reinstated");
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
        if (command.channel() == null || command.occurredAt() == null) {
            throw new RuleViolationException("a communication with supplier " + supplierId
                    + " needs its channel and when it occurred");
        }
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
            throw new RuleViolationException("supplier relationship " + supplierId + " is terminated");
        }
    }

    private static void requireScore(String what, int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new RuleViolationException(what + " must be between " + MIN_SCORE + " and " + MAX_SCORE
                    + ", was " + score);
        }
    }

    private static void requireFraction(String what, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new RuleViolationException(what + " must be a fraction between 0 and 1, was " + rate);
        }
    }

    private void requireNewId(String kind, String id, boolean alreadyUsed) {
        if (!Identifiers.isValid(id)) {
            throw new RuleViolationException(kind + " id '" + id + "' must match " + Identifiers.PATTERN);
        }
        if (alreadyUsed) {
            throw new RuleViolationException(kind + " " + id + " already exists for supplier " + supplierId);
        }
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
