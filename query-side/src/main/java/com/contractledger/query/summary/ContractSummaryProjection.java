package com.contractledger.query.summary;

import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractBreachedEvent;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractMilestoneOverdueEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractStatus;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.DisputeEscalatedEvent;
import com.contractledger.api.contract.DisputeNoteAddedEvent;
import com.contractledger.api.contract.DisputeOpenedEvent;
import com.contractledger.api.contract.DisputeResolvedEvent;
import com.contractledger.api.contract.MilestoneKind;
import com.contractledger.api.reminder.ReminderPolicy;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.Paging;
import com.contractledger.query.common.ReadModelChangeLog;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.common.TermsFigures;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummariesQuery;
import com.contractledger.query.summary.ContractSummaryQueries.FindContractSummaryQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Contract summaries: status, figures, open issues and the next milestone of every contract. */
@Component
@ProcessingGroup(ContractSummaryProjection.PROCESSING_GROUP)
public class ContractSummaryProjection extends Projection {

    public static final String PROCESSING_GROUP = "contract-summaries";
    public static final String STREAM = "contracts";

    private final Views<ContractSummaryView> summaries;
    private final Clock clock;
    private final ReminderPolicy reminderPolicy;

    /**
     * {@code clock}: the application's one clock, which decides what "today" is; {@code reminderPolicy}: how far ahead
     * of its dates the write side reminds, to show a contract's next reminder.
     */
    public ContractSummaryProjection(MongoTemplate mongo, ReadModelChangeLog changes,
                                     ReadModelGenerations generations, Clock clock, ReminderPolicy reminderPolicy) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, changes));
        this.clock = clock;
        this.reminderPolicy = reminderPolicy;
        summaries = readModel.views(ContractSummaryView.COLLECTION, ContractSummaryView.class,
                        ContractSummaryView::id)
                .index(new Index().on("supplierId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
                .index(new Index().on("status", Sort.Direction.ASC).on("_id", Sort.Direction.ASC))
                .streamedAs(STREAM, this::asOfToday);
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        ContractTerms terms = event.terms();
        var view = new ContractSummaryView(event.contractId().value(), event.supplierId().value(), terms.title(),
                event.type(), ContractStatus.DRAFT, event.currency().getCurrencyCode(), context.sequence(),
                Amount.of(terms.value(), event.currency()), Amount.zero(event.currency()),
                Amount.zero(event.currency()), Amount.zero(event.currency()), 0, 0, Amount.zero(event.currency()),
                null, schedule(terms, List.of(), List.of()), terms.lineItems(), null, terms.expiresOn(),
                terms.renewalNoticeDays(), null, context.occurredAt(), context.sequence(), context.position());
        summaries.put(message, view);
    }

    @EventHandler
    public void on(ContractSignedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStatus(ContractStatus.ACTIVE, event.signedOn()));
    }

    @EventHandler
    public void on(ContractAmendedEvent event, EventMessage<?> message) {
        update(message, view -> withTerms(view, event.terms(), event.terms().expiresOn(), event.coveredInstalments()));
    }

    @EventHandler
    public void on(ContractRenewedEvent event, EventMessage<?> message) {
        update(message, view -> withTerms(view, event.terms(), event.newExpiresOn(), event.coveredInstalments()));
    }

    @EventHandler
    public void on(ContractDeliveredEvent event, EventMessage<?> message) {
        update(message, view -> {
            List<ScheduledMilestone> milestones = view.milestones().stream()
                    .map(milestone -> event.milestoneMet() && milestone.kind() == MilestoneKind.DELIVERY
                            && milestone.milestoneId().equals(event.milestoneId())
                            ? new ScheduledMilestone(milestone.milestoneId(), milestone.kind(), milestone.dueOn(),
                            milestone.amount(), true)
                            : milestone)
                    .toList();
            return view.withFulfilment(view.delivered().plus(event.deliveredValue()),
                    view.accepted().plus(TermsFigures.acceptedValue(view.lineItems(), event.lines())),
                    view.paid(), milestones);
        });
    }

    @EventHandler
    public void on(ContractPaymentRecordedEvent event, EventMessage<?> message) {
        update(message, view -> view.withFulfilment(view.delivered(), view.accepted(), Amount.of(event.totalPaid()),
                withPaymentsMet(view.milestones(), event.coveredInstalments())));
    }

    @EventHandler
    public void on(ContractBreachedEvent event, EventMessage<?> message) {
        update(message, view -> view.withIssues(view.openDisputes(), view.breaches() + 1,
                event.penalty() == null ? view.totalPenalties() : view.totalPenalties().plus(event.penalty())));
    }

    @EventHandler
    public void on(DisputeOpenedEvent event, EventMessage<?> message) {
        update(message, view -> view.withIssues(view.openDisputes() + 1, view.breaches(), view.totalPenalties()));
    }

    @EventHandler
    public void on(DisputeResolvedEvent event, EventMessage<?> message) {
        update(message, view -> view.withIssues(Math.max(view.openDisputes() - 1, 0), view.breaches(),
                view.totalPenalties()));
    }

    @EventHandler
    public void on(DisputeEscalatedEvent event, EventMessage<?> message) {
        update(message, UnaryOperator.identity());
    }

    @EventHandler
    public void on(DisputeNoteAddedEvent event, EventMessage<?> message) {
        update(message, UnaryOperator.identity());
    }

    @EventHandler
    public void on(ContractMilestoneOverdueEvent event, EventMessage<?> message) {
        update(message, UnaryOperator.identity());
    }

    @EventHandler
    public void on(ContractTerminatedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStatus(ContractStatus.TERMINATED, view.signedOn()));
    }

    @EventHandler
    public void on(ContractExpiredEvent event, EventMessage<?> message) {
        update(message, view -> view.withStatus(ContractStatus.EXPIRED, view.signedOn()));
    }

    @EventHandler
    public void on(ContractCompletedEvent event, EventMessage<?> message) {
        update(message, view -> view.withStatus(ContractStatus.COMPLETED, view.signedOn()));
    }

    @QueryHandler
    public Optional<ContractSummaryView> handle(FindContractSummaryQuery query) {
        return summaries.served(query.contractId()).map(this::asOfToday);
    }

    @QueryHandler
    public ContractSummaryPage handle(FindContractSummariesQuery query) {
        Query filter = new Query();
        if (query.supplierId() != null) {
            filter.addCriteria(where("supplierId").is(query.supplierId()));
        }
        if (query.status() != null) {
            filter.addCriteria(where("status").is(query.status()));
        }
        long total = summaries.count(filter);
        Paging paging = new Paging(query.page(), query.size());
        List<ContractSummaryView> items = summaries.find(paging.apply(filter, Sort.by("_id"))).stream()
                .map(this::asOfToday).toList();
        return new ContractSummaryPage(items, query.page(), query.size(), total);
    }

    private void update(EventMessage<?> message, UnaryOperator<ContractSummaryView> change) {
        EventContext context = EventContext.of(message);
        summaries.update(message, view -> change.apply(view).applied(context));
    }

    private static ContractSummaryView withTerms(ContractSummaryView view, ContractTerms terms, LocalDate expiresOn,
                                                 List<String> coveredInstalments) {
        Amount ordered = Amount.of(terms.value(), Currency.getInstance(view.currency()));
        return view.withTerms(terms.title(), terms.lineItems(), ordered,
                schedule(terms, view.milestones(), coveredInstalments), expiresOn, terms.renewalNoticeDays());
    }

    private ContractSummaryView asOfToday(ContractSummaryView view) {
        return view.asOf(LocalDate.now(clock), reminderPolicy);
    }

    /** The milestones of {@code terms}; delivery milestones keep whether they were met, instalments are met if covered. */
    private static List<ScheduledMilestone> schedule(ContractTerms terms, List<ScheduledMilestone> before,
                                             List<String> coveredInstalments) {
        List<ScheduledMilestone> milestones = new ArrayList<>();
        if (terms.deliveries() != null) {
            terms.deliveries().forEach(delivery -> milestones.add(new ScheduledMilestone(delivery.milestoneId(),
                    MilestoneKind.DELIVERY, delivery.dueOn(), null, before.stream().anyMatch(old -> old.met()
                    && old.kind() == MilestoneKind.DELIVERY && old.milestoneId().equals(delivery.milestoneId())))));
        }
        if (terms.paymentTerms() != null && terms.paymentTerms().schedule() != null) {
            terms.paymentTerms().schedule().forEach(instalment -> milestones.add(new ScheduledMilestone(
                    instalment.milestoneId(), MilestoneKind.PAYMENT, instalment.dueOn(),
                    instalment.amount().toPlainString(), coveredInstalments.contains(instalment.milestoneId()))));
        }
        return milestones;
    }

    private static List<ScheduledMilestone> withPaymentsMet(List<ScheduledMilestone> milestones,
                                                            List<String> coveredInstalments) {
        return milestones.stream().map(m -> m.kind() == MilestoneKind.PAYMENT
                ? new ScheduledMilestone(m.milestoneId(), m.kind(), m.dueOn(), m.amount(),
                coveredInstalments.contains(m.milestoneId()))
                : m).toList();
    }
}
