package com.contractledger.query.scorecard;

import com.contractledger.api.common.FieldChange;
import com.contractledger.api.contract.AmendmentReason;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractId;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.DeliveryMilestone;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * sup-001 has ct-1 (milestone d1 due 2026-12-15) and ct-2 (d1 moved by amendment to 2026-12-10); their deliveries
 * are recorded interleaved: dl-1 of ct-1, dl-3 of ct-2, dl-2 of ct-1.
 */
class SupplierDeliveriesTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final SupplierScorecardProjection projection = new SupplierScorecardProjection(mongo.template(),
            mongo.generations());
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private List<TrackedEventMessage<?>> scenario() {
        ContractTerms terms = terms("0.85", "2026-12-15", "2027-01-15");
        ContractTerms moved = new ContractTerms(terms.title(), terms.lineItems(), List.of(new DeliveryMilestone("d1",
                LocalDate.parse("2026-12-10"), terms.deliveries().get(0).lines())), terms.paymentTerms(),
                terms.qualityStandards(), terms.penaltyClause(), terms.guarantee(), terms.effectiveFrom(),
                terms.expiresOn());
        return List.of(
                events.of("sup-001", onboarded("sup-001", SupplierTier.GENERAL, "East China", "fasteners")),
                events.of("ct-1", drafted("ct-1", "sup-001")),
                events.of("ct-2", drafted("ct-2", "sup-001")),
                events.of("ct-2", new ContractAmendedEvent(ContractId.of("ct-2"), 1, AmendmentReason.SCHEDULE_CHANGE,
                        "earlier", List.of(new FieldChange("deliveries[d1].dueOn", "2026-12-15", "2026-12-10")),
                        moved, List.of())),
                events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false)),
                events.of("ct-2", delivered("ct-2", "dl-3", "2026-12-09", 2000, 1700, 0, "1700.00", false)),
                events.of("ct-1", delivered("ct-1", "dl-2", "2026-12-14", 3000, 3000, 0, "2700.00", true)));
    }

    private List<SupplierDelivery> all(String supplierId) {
        return projection.handle(new FindSupplierDeliveriesQuery(supplierId, -1, 100)).orElseThrow().deliveries();
    }

    @Test
    void each_delivery_is_listed_against_its_due_date_in_the_order_recorded() {
        scenario().forEach(handlers::apply);

        List<SupplierDelivery> deliveries = all("sup-001");
        assertThat(deliveries).extracting(SupplierDelivery::deliveryId).containsExactly("dl-1", "dl-3", "dl-2");
        SupplierDelivery late = deliveries.get(0);
        assertThat(late.contractId()).isEqualTo("ct-1");
        assertThat(late.milestoneId()).isEqualTo("d1");
        assertThat(late.dueOn()).isEqualTo(LocalDate.parse("2026-12-15"));
        assertThat(late.deliveredOn()).isEqualTo(LocalDate.parse("2026-12-18"));
        assertThat(late.daysLate()).isEqualTo(3);
        assertThat(late.onTime()).isFalse();
        assertThat(late.deliveredQuantity()).isEqualByComparingTo("6000");
        assertThat(late.acceptedQuantity()).isEqualByComparingTo("5800");
        assertThat(late.rejectedQuantity()).isEqualByComparingTo("200");
        assertThat(late.qualityRate()).isEqualByComparingTo("0.9667");
        assertThat(late.sequence()).isEqualTo(1);
        SupplierDelivery amended = deliveries.get(1);
        assertThat(amended.dueOn()).isEqualTo(LocalDate.parse("2026-12-10"));
        assertThat(amended.onTime()).isTrue();
        assertThat(amended.qualityRate()).isEqualByComparingTo("0.8500");
        assertThat(amended.sequence()).isEqualTo(2);
        assertThat(deliveries.get(2).qualityRate()).isEqualByComparingTo("1.0000");
    }

    @Test
    void a_redelivered_or_replayed_delivery_changes_nothing() {
        List<TrackedEventMessage<?>> scenario = scenario();
        scenario.forEach(handlers::apply);
        List<SupplierDelivery> before = all("sup-001");

        handlers.apply(scenario.get(4));
        handlers.apply(Events.replayed(scenario.get(5)));
        scenario.forEach(handlers::apply);

        assertThat(all("sup-001")).isEqualTo(before);
        assertThat(projection.handle(new FindSupplierScorecardQuery("sup-001")).orElseThrow().deliveries())
                .isEqualTo(3);
    }

    @Test
    void pages_follow_one_another_until_the_last() {
        scenario().forEach(handlers::apply);

        SupplierDeliveriesView first = projection.handle(new FindSupplierDeliveriesQuery("sup-001", -1, 2))
                .orElseThrow();
        assertThat(first.deliveries()).extracting(SupplierDelivery::deliveryId).containsExactly("dl-1", "dl-3");
        assertThat(first.nextAfter()).isEqualTo(first.deliveries().get(1).position());
        SupplierDeliveriesView last = projection.handle(new FindSupplierDeliveriesQuery("sup-001",
                first.nextAfter(), 2)).orElseThrow();
        assertThat(last.deliveries()).extracting(SupplierDelivery::deliveryId).containsExactly("dl-2");
        assertThat(last.nextAfter()).isNull();
    }

    @Test
    void a_supplier_without_deliveries_has_an_empty_list_and_an_unknown_one_none() {
        scenario().forEach(handlers::apply);
        handlers.apply(events.of("sup-002", onboarded("sup-002", SupplierTier.KEY, "North China", "bearings")));

        SupplierDeliveriesView none = projection.handle(new FindSupplierDeliveriesQuery("sup-002", -1, 10))
                .orElseThrow();
        assertThat(none.deliveries()).isEmpty();
        assertThat(none.nextAfter()).isNull();
        assertThat(projection.handle(new FindSupplierDeliveriesQuery("sup-404", -1, 10))).isEmpty();
    }
}
