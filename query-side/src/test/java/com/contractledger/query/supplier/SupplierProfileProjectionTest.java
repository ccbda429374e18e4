package com.contractledger.query.supplier;

import com.contractledger.api.supplier.*;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfileQuery;
import com.contractledger.query.supplier.SupplierProfileQueries.FindSupplierProfilesQuery;
import com.contractledger.query.support.Events;
import com.contractledger.query.support.InMemoryMongo;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.contractledger.query.support.Procurement.onboarded;
import static org.assertj.core.api.Assertions.assertThat;

class SupplierProfileProjectionTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final SupplierProfileProjection projection = new SupplierProfileProjection(mongo.template(),
            mongo.generations());
    private final Events events = new Events();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void a_profile_follows_classification_tier_credit_rectification_and_standing() {
        var onboarding = events.of("sup-001", onboarded("sup-001", SupplierTier.GENERAL, "East China", "fasteners"));
        projection.on((SupplierOnboardedEvent) onboarding.getPayload(), onboarding);
        var classified = new SupplierClassifiedEvent(SupplierId.of("sup-001"), List.of("fasteners", "springs"),
                "East China", SupplierScale.LARGE, List.of("automotive"));
        TrackedEventMessage<?> classifying = events.of("sup-001", classified);
        projection.on(classified, classifying);
        var tier = new SupplierTierChangedEvent(SupplierId.of("sup-001"), SupplierTier.GENERAL, SupplierTier.KEY, "sole source");
        projection.on(tier, events.of("sup-001", tier));
        var rectification = new RectificationRequestedEvent(SupplierId.of("sup-001"), "r-1", "late shipments",
                LocalDate.parse("2026-12-31"), LocalDate.parse("2026-11-20"));
        projection.on(rectification, events.of("sup-001", rectification));
        var failed = new RectificationCompletedEvent(SupplierId.of("sup-001"), "r-1", RectificationOutcome.FAILED, "no change", LocalDate.parse("2026-11-30"));
        projection.on(failed, events.of("sup-001", failed));
        var suspended = new SupplierSuspendedEvent(SupplierId.of("sup-001"), "failed rectification");
        projection.on(suspended, events.of("sup-001", suspended));
        projection.on(classified, classifying);
        var other = events.of("sup-002", onboarded("sup-002", SupplierTier.GENERAL, "North China", "bearings"));
        projection.on((SupplierOnboardedEvent) other.getPayload(), other);

        SupplierProfileView profile = projection.handle(new FindSupplierProfileQuery("sup-001")).orElseThrow();
        assertThat(profile.categories()).containsExactly("fasteners", "springs");
        assertThat(profile.scale()).isEqualTo(SupplierScale.LARGE);
        assertThat(profile.tags()).containsExactly("automotive");
        assertThat(profile.tier()).isEqualTo(SupplierTier.KEY);
        assertThat(profile.status()).isEqualTo(SupplierStatus.SUSPENDED);
        assertThat(profile.statusReason()).isEqualTo("failed rectification");
        assertThat(profile.rectifications()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(RectificationOutcome.FAILED));
        assertThat(profile.version()).isEqualTo(5);
        assertThat(profile.certifications()).singleElement()
                .satisfies(c -> assertThat(c.validUntil()).isEqualTo(LocalDate.parse("2027-06-30")));

        assertThat(projection.handle(new FindSupplierProfilesQuery(null, "springs", null, null, 0, 20)).items())
                .extracting(SupplierProfileView::id).containsExactly("sup-001");
        assertThat(projection.handle(new FindSupplierProfilesQuery(SupplierTier.GENERAL, null, null, null, 0, 20)).items())
                .extracting(SupplierProfileView::id).containsExactly("sup-002");
        assertThat(projection.handle(new FindSupplierProfilesQuery(null, null, "East China", SupplierStatus.SUSPENDED, 0, 20)).total())
                .isEqualTo(1);
    }
}
