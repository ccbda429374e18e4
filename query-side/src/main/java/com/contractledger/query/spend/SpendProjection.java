package com.contractledger.query.spend;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractAmendedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractDraftedEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.ContractRenewedEvent;
import com.contractledger.api.contract.ContractSignedEvent;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.query.common.Amount;
import com.contractledger.query.common.EventContext;
import com.contractledger.query.common.ReadModelGenerations;
import com.contractledger.query.readmodel.Entries;
import com.contractledger.query.readmodel.Projection;
import com.contractledger.query.readmodel.ReadModel;
import com.contractledger.query.readmodel.Views;
import com.contractledger.query.spend.FindSpendQuery.GroupBy;
import com.contractledger.query.spend.SpendEntry.Kind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Spend analytics. Each contributing event becomes one {@link SpendEntry} keyed by its event id, so replays and
 * redeliveries cannot count twice; reports sum the entries per group and currency when asked. Categories are looked
 * up at report time, so a reclassified supplier's whole spend moves with it.
 */
@Component
@ProcessingGroup(SpendProjection.PROCESSING_GROUP)
public class SpendProjection extends Projection {

    public static final String PROCESSING_GROUP = "spend";
    static final String UNCATEGORIZED = "(uncategorized)";

    private final Entries<SpendEntry> entries;
    private final Views<SpendContract> contracts;
    private final Views<SpendSupplier> suppliers;

    public SpendProjection(MongoTemplate mongo, ReadModelGenerations generations) {
        super(new ReadModel(PROCESSING_GROUP, mongo, generations, null));
        // an entry is written before the contract that counts it: a crash in between leaves nothing counted missing
        entries = readModel.entries(SpendEntry.COLLECTION, SpendEntry.class);
        contracts = readModel.views(SpendContract.COLLECTION, SpendContract.class, SpendContract::id);
        suppliers = readModel.views(SpendSupplier.COLLECTION, SpendSupplier.class, SpendSupplier::id);
    }

    @EventHandler
    public void on(SupplierOnboardedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        suppliers.put(message, new SpendSupplier(context.aggregateId(), listOf(event.categories()),
                context.sequence()));
    }

    @EventHandler
    public void on(SupplierClassifiedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        suppliers.put(message, new SpendSupplier(context.aggregateId(), listOf(event.categories()),
                context.sequence()));
    }

    @EventHandler
    public void on(ContractDraftedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        contracts.put(message, new SpendContract(context.aggregateId(), event.supplierId().value(),
                event.currency().getCurrencyCode(), event.terms().value(), false,
                context.sequence()));
    }

    @EventHandler
    public void on(ContractSignedEvent event, EventMessage<?> message) {
        EventContext context = EventContext.of(message);
        contracts.update(message, contract -> {
            record(context, contract, Kind.ORDERED, event.signedOn(), contract.orderedValue());
            return new SpendContract(contract.id(), contract.supplierId(), contract.currency(),
                    contract.orderedValue(), true, context.sequence());
        });
    }

    @EventHandler
    public void on(ContractAmendedEvent event, EventMessage<?> message) {
        revalue(message, event.terms());
    }

    @EventHandler
    public void on(ContractRenewedEvent event, EventMessage<?> message) {
        revalue(message, event.terms());
    }

    @EventHandler
    public void on(ContractDeliveredEvent event, EventMessage<?> message) {
        recordMoney(message, Kind.DELIVERED, event.deliveredOn(), event.deliveredValue());
    }

    @EventHandler
    public void on(ContractPaymentRecordedEvent event, EventMessage<?> message) {
        recordMoney(message, Kind.PAID, event.paidOn(), event.amount());
    }

    @QueryHandler
    public SpendReport handle(FindSpendQuery query) {
        Map<String, List<String>> categories = suppliers.find(new Query())
                .stream()
                .collect(Collectors.toMap(SpendSupplier::id, SpendSupplier::categories));
        Function<SpendEntry, List<String>> keys = switch (query.groupBy()) {
            case SUPPLIER -> entry -> List.of(entry.supplierId());
            case MONTH -> entry -> List.of(entry.month());
            case CATEGORY -> entry -> {
                List<String> of = categories.getOrDefault(entry.supplierId(), List.of());
                return of.isEmpty() ? List.of(UNCATEGORIZED) : of;
            };
        };
        Map<String, Map<String, Map<Kind, BigDecimal>>> sums = new TreeMap<>();
        for (SpendEntry entry : entries.find(new Query())) {
            for (String key : keys.apply(entry)) {
                sums.computeIfAbsent(key, k -> new TreeMap<>())
                        .computeIfAbsent(entry.currency(), c -> new EnumMap<>(Kind.class))
                        .merge(entry.kind(), entry.amount(), BigDecimal::add);
            }
        }
        List<SpendReport.Row> rows = new ArrayList<>();
        sums.forEach((key, byCurrency) -> byCurrency.forEach((code, byKind) -> {
            Currency currency = Currency.getInstance(code);
            rows.add(new SpendReport.Row(key, code,
                    Amount.of(byKind.getOrDefault(Kind.ORDERED, BigDecimal.ZERO), currency),
                    Amount.of(byKind.getOrDefault(Kind.DELIVERED, BigDecimal.ZERO), currency),
                    Amount.of(byKind.getOrDefault(Kind.PAID, BigDecimal.ZERO), currency)));
        }));
        return new SpendReport(query.groupBy().name().toLowerCase(), rows);
    }

    private void revalue(EventMessage<?> message, ContractTerms terms) {
        EventContext context = EventContext.of(message);
        contracts.update(message, contract -> {
            BigDecimal newValue = terms.value();
            BigDecimal change = newValue.subtract(contract.orderedValue());
            if (contract.signed() && change.signum() != 0) {
                record(context, contract, Kind.ORDERED, LocalDate.ofInstant(context.occurredAt(), ZoneOffset.UTC),
                        change);
            }
            return new SpendContract(contract.id(), contract.supplierId(), contract.currency(), newValue,
                    contract.signed(), context.sequence());
        });
    }

    private void recordMoney(EventMessage<?> message, Kind kind, LocalDate on, Money money) {
        EventContext context = EventContext.of(message);
        contracts.find(context.aggregateId()).filter(contract -> money != null).ifPresent(contract ->
                entries.add(new SpendEntry(context.eventId(), contract.id(), contract.supplierId(), kind,
                        YearMonth.from(on).toString(), money.currency().getCurrencyCode(), money.amount())));
    }

    private void record(EventContext context, SpendContract contract, Kind kind, LocalDate on, BigDecimal amount) {
        entries.add(new SpendEntry(context.eventId(), contract.id(), contract.supplierId(), kind,
                YearMonth.from(on).toString(), contract.currency(), amount));
    }

    private static List<String> listOf(List<String> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
