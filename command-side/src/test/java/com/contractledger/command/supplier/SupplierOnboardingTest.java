package com.contractledger.command.supplier;

import com.contractledger.api.supplier.Certification;
import com.contractledger.api.supplier.ChangeSupplierTierCommand;
import com.contractledger.api.supplier.ClassifySupplierCommand;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.OnboardSupplierCommand;
import com.contractledger.api.supplier.SupplierClassifiedEvent;
import com.contractledger.api.supplier.SupplierOnboardedEvent;
import com.contractledger.api.supplier.SupplierScale;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.api.supplier.SupplierTierChangedEvent;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

/** Onboarding a supplier, and its credit, classification and tier. */
@Tag(Refusals.TAG)
class SupplierOnboardingTest extends SupplierFixture {

    @Test
    void onboarding_a_supplier_records_who_it_is() {
        fixture.givenNoPriorActivity()
                .when(onboardCommand(SupplierTier.KEY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(onboarded(SupplierTier.KEY));
    }

    @Test
    void onboarding_without_a_tier_places_the_supplier_in_the_general_tier() {
        fixture.givenNoPriorActivity()
                .when(onboardCommand(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(onboarded(SupplierTier.GENERAL));
    }

    @Test
    void onboarding_without_lists_records_empty_lists() {
        fixture.givenNoPriorActivity()
                .when(new OnboardSupplierCommand(SUPPLIER, "Huadong Precision Parts Co., Ltd.", null, null, null, null,
                        null, null, null, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierOnboardedEvent(SUPPLIER, "Huadong Precision Parts Co., Ltd.", null, null,
                        null, null, List.of(), null, null, List.of(), List.of(), SupplierTier.GENERAL));
    }

    @Test
    void a_certification_without_an_expiry_date_is_accepted() {
        List<Certification> certifications = List.of(new Certification("ISO 14001", "TUV", null));
        fixture.givenNoPriorActivity()
                .when(onboardCommand(certifications, contacts(), List.of("fasteners")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((SupplierOnboardedEvent event) -> event.certifications().equals(certifications)),
                        andNoMore())));
    }

    // credit assessment

    @Test
    void assessing_credit_records_the_rating_and_score() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.AA, 81))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.AA, 81, false));
    }

    @Test
    void a_rating_of_bb_or_worse_makes_stricter_terms_required() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.BB, 58))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.BB, 58, true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100})
    void a_credit_score_at_either_end_of_the_scale_is_accepted(int score) {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(creditCommand(CreditRating.C, score))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.C, score, true));
    }

    @Test
    void a_suspended_supplier_can_still_be_assessed() {
        fixture.given(onboarded(SupplierTier.GENERAL), suspended())
                .when(creditCommand(CreditRating.B, 40))
                .expectSuccessfulHandlerExecution()
                .expectEvents(creditAssessed(CreditRating.B, 40, true));
    }

    // classification

    @Test
    void classifying_a_supplier_records_its_new_segmentation() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners", "springs"), "East China",
                        SupplierScale.LARGE, List.of("automotive"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners", "springs"), "East China",
                        SupplierScale.LARGE, List.of("automotive")));
    }

    @Test
    void adding_only_a_tag_is_a_change() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners"), "East China", SupplierScale.MEDIUM,
                        List.of("automotive"), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierClassifiedEvent(SUPPLIER, List.of("fasteners"), "East China",
                        SupplierScale.MEDIUM, List.of("automotive")));
    }

    @Test
    void a_classification_that_changes_nothing_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL), new SupplierClassifiedEvent(SUPPLIER,
                        List.of("fasteners", "springs"), "East China", SupplierScale.MEDIUM,
                        List.of("automotive", "rail")))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("springs", "fasteners"), "East China",
                        SupplierScale.MEDIUM, List.of("rail", "automotive"), null))
                .expectException(Refusals.breaking(SupplierRule.CLASSIFICATION_UNCHANGED,
                        "classification of supplier sup-001 is unchanged"))
                .expectNoEvents();
    }

    @Test
    void repeating_the_onboarding_segmentation_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ClassifySupplierCommand(SUPPLIER, List.of("fasteners"), "East China", SupplierScale.MEDIUM,
                        List.of(), null))
                .expectException(Refusals.breaking(SupplierRule.CLASSIFICATION_UNCHANGED, "is unchanged"))
                .expectNoEvents();
    }

    // tier

    @Test
    void changing_the_tier_records_the_previous_tier() {
        fixture.given(onboarded(SupplierTier.GENERAL))
                .when(new ChangeSupplierTierCommand(SUPPLIER, SupplierTier.KEY, "sole source of M8 fasteners", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY,
                        "sole source of M8 fasteners"));
    }

    @Test
    void moving_a_supplier_to_the_tier_it_is_in_is_refused() {
        fixture.given(onboarded(SupplierTier.GENERAL),
                        new SupplierTierChangedEvent(SUPPLIER, SupplierTier.GENERAL, SupplierTier.KEY, "sole source"))
                .when(new ChangeSupplierTierCommand(SUPPLIER, SupplierTier.KEY, "again", null))
                .expectException(Refusals.breaking(SupplierRule.TIER_UNCHANGED,
                        "supplier sup-001 is already in tier KEY"))
                .expectNoEvents();
    }
}
