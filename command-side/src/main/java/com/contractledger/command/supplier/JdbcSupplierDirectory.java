package com.contractledger.command.supplier;

import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierCreditAssessedEvent;
import com.contractledger.api.supplier.SupplierId;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierReinstatedEvent;
import com.contractledger.api.supplier.SupplierRelationshipTerminatedEvent;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierSuspendedEvent;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The supplier standing table of the command side. Its processing group is a subscribing processor, so each row
 * changes in the same transaction that stores the supplier event: a contract command never sees a stale standing.
 */
@Component
@ProcessingGroup(JdbcSupplierDirectory.PROCESSING_GROUP)
class JdbcSupplierDirectory implements SupplierDirectory {

    static final String PROCESSING_GROUP = "supplier-directory";

    private final JdbcTemplate jdbc;

    JdbcSupplierDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SupplierStanding> standingOf(SupplierId supplierId) {
        return jdbc.query("SELECT status, credit_rating, tier FROM supplier_standing WHERE supplier_id = ?",
                (row, index) -> new SupplierStanding(
                        supplierId,
                        SupplierStatus.valueOf(row.getString("status")),
                        Optional.ofNullable(row.getString("credit_rating")).map(CreditRating::valueOf).orElse(null),
                        SupplierTier.valueOf(row.getString("tier"))),
                supplierId.value()).stream().findFirst();
    }

    @EventHandler
    void on(SupplierOnboardedEvent event) {
        jdbc.update("INSERT INTO supplier_standing (supplier_id, status, tier) VALUES (?, ?, ?)",
                event.supplierId().value(), SupplierStatus.ACTIVE.name(), event.tier().name());
    }

    @EventHandler
    void on(SupplierCreditAssessedEvent event) {
        update("credit_rating", event.supplierId(), event.rating().name());
    }

    @EventHandler
    void on(SupplierTierChangedEvent event) {
        update("tier", event.supplierId(), event.tier().name());
    }

    @EventHandler
    void on(SupplierSuspendedEvent event) {
        update("status", event.supplierId(), SupplierStatus.SUSPENDED.name());
    }

    @EventHandler
    void on(SupplierReinstatedEvent event) {
        update("status", event.supplierId(), SupplierStatus.ACTIVE.name());
    }

    @EventHandler
    void on(SupplierRelationshipTerminatedEvent event) {
        update("status", event.supplierId(), SupplierStatus.TERMINATED.name());
    }

    private void update(String column, SupplierId supplierId, String value) {
        jdbc.update("UPDATE supplier_standing SET " + column + " = ? WHERE supplier_id = ?", value, supplierId.value());
    }
}
