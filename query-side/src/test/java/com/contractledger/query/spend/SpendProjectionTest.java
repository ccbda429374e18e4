package com.contractledger.query.spend;

import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.contract.*;
import com.contractledger.query.common.Amount;
import com.contractledger.query.spend.FindSpendQuery.GroupBy;
import com.contractledger.query.support.AnnotatedHandlers;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.contractledger.query.support.Procurement.*;
import static org.assertj.core.api.Assertions.assertThat;

class SpendProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final SpendProjection projection = new SpendProjection(mongo.template(), mongo.generations());
    private final AnnotatedHandlers handlers = new AnnotatedHandlers(projection);
    private final Events events = new Events();
    private final List<TrackedEventMessage<?>> applied = new ArrayList<>();

    @AfterEach
    void stop() {
        mongo.close();
    }

    private void apply(TrackedEventMessage<?> message) {
        applied.add(message);
        handlers.apply(message);
    }

    private static SpendReport.Row row(String key, String ordered, String delivered, String paid) {
        return new SpendReport.Row(key, "CNY", new Amount(ordered, "CNY"), new Amount(delivered, "CNY"),
                new Amount(paid, "CNY"));
    }

    @Test
    void spend_is_grouped_by_supplier_category_and_month_and_counts_each_event_once() {
        apply(events.of("sup-001", onboarded("sup-001", SupplierTier.KEY, "East China", "fasteners")));
        apply(events.of("sup-002", onboarded("sup-002", SupplierTier.GENERAL, "North China", "bearings")));
        apply(events.of("sup-002", new SupplierClassifiedEvent(SupplierId.of("sup-002"), List.of("bearings", "fasteners"),
                "North China", SupplierScale.SMALL, List.of())));
        apply(events.of("ct-1", drafted("ct-1", "sup-001")));           // 8500.00 ordered, not yet spend
        apply(events.of("ct-1", signed("ct-1")));                       // ORDERED 8500 in 2026-11
        apply(events.of("ct-1", amendedPrice("ct-1")));                 // ORDERED +500 in 2026-11 (event time)
        apply(events.of("ct-1", delivered("ct-1", "dl-1", "2026-12-18", 6000, 5800, 3, "5400.00", false)));
        apply(events.of("ct-1", paid("ct-1", "pay-1", "4930.00", "2027-01-10", "4930.00")));
        apply(events.of("ct-2", drafted("ct-2", "sup-002")));
        apply(events.of("ct-2", signed("ct-2")));                       // ORDERED 8500 in 2026-11
        apply(events.of("ct-2", delivered("ct-2", "dl-2", "2027-01-05", 1000, 1000, 0, "850.00", false)));
        apply(events.of("ct-3", drafted("ct-3", "sup-002")));           // never signed: no spend

        List.copyOf(applied).forEach(message -> apply(Events.replayed(message)));

        assertThat(projection.handle(new FindSpendQuery(GroupBy.SUPPLIER)).rows()).containsExactly(
                row("sup-001", "9000.00", "5400.00", "4930.00"),
                row("sup-002", "8500.00", "850.00", "0.00"));
        assertThat(projection.handle(new FindSpendQuery(GroupBy.MONTH)).rows()).containsExactly(
                row("2026-11", "17500.00", "0.00", "0.00"),
                row("2026-12", "0.00", "5400.00", "0.00"),
                row("2027-01", "0.00", "850.00", "4930.00"));
        assertThat(projection.handle(new FindSpendQuery(GroupBy.CATEGORY)).rows()).containsExactly(
                row("bearings", "8500.00", "850.00", "0.00"),
                row("fasteners", "17500.00", "6250.00", "4930.00"));
    }
}
