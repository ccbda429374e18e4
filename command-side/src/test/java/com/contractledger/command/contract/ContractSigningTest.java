package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractTerms;
import com.contractledger.api.contract.Guarantee;
import com.contractledger.api.contract.GuaranteeType;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.api.contract.SignContractCommand;
import com.contractledger.api.supplier.CreditRating;
import com.contractledger.api.supplier.SupplierStatus;
import com.contractledger.api.supplier.SupplierTier;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.contractledger.command.contract.ContractRule.LOW_CREDIT_GUARANTEE;
import static com.contractledger.command.contract.ContractRule.SIGNING_NEEDS_DRAFT;
import static com.contractledger.command.contract.ContractRule.SUPPLIER_NOT_ACCEPTING;

/** Signing a draft: the supplier is checked again, and the signing date is a fact, not a plan. */
@Tag(Refusals.TAG)
class ContractSigningTest extends ContractFixture {

    @Test
    void signing_with_a_supplier_suspended_since_drafting_is_refused() {
        standings.put(SUPPLIER, standing(SupplierStatus.SUSPENDED, CreditRating.A, SupplierTier.KEY));
        refused(fixture.given(drafted(designTerms())).when(sign()), SUPPLIER_NOT_ACCEPTING,
                "supplier sup-001 is SUSPENDED and cannot take contracts");
    }

    @Test
    void signing_after_the_supplier_was_downgraded_rechecks_the_stricter_terms() {
        ContractTerms smallGuarantee = withGuarantee(designTerms(), new Guarantee(GuaranteeType.PERFORMANCE_BOND, dec("500.00")));
        standings.put(SUPPLIER, standing(SupplierStatus.ACTIVE, CreditRating.B, SupplierTier.KEY));
        refused(fixture.given(drafted(smallGuarantee)).when(sign()), LOW_CREDIT_GUARANTEE,
                "supplier sup-001 is rated B, so stricter terms apply");
    }

    @Test
    void signing_an_active_contract_again_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(sign()), SIGNING_NEEDS_DRAFT,
                "only a DRAFT contract can be signed; contract ct-2026-001 is ACTIVE");
    }

    @Test
    void a_signing_dated_in_the_future_is_refused() {
        today("2026-11-30");
        refused(fixture.given(drafted(designTerms()))
                        .when(new SignContractCommand(CONTRACT, List.of("Wang Li"), date("2031-05-05"), null)), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the signing date 2031-05-05 is after today, 2026-11-30 (UTC, allowing 1 day for time zones)");
    }

    @Test
    void a_signing_dated_tomorrow_is_within_the_tolerance_for_time_zones() {
        today("2026-11-24");
        fixture.given(drafted(designTerms()))
                .when(sign())
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed());
    }

    @Test
    void a_signing_dated_the_day_after_tomorrow_is_refused() {
        today("2026-11-23");
        refused(fixture.given(drafted(designTerms())).when(sign()), CommonRule.FACT_FROM_FUTURE,
                "the signing date 2026-11-25 is after today, 2026-11-23");
    }

    @Test
    void a_delivery_before_the_signing_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(delivery("dl-1", "d1", "2019-01-01", line("M8-30", "100", "100", "0"))), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the delivery date 2019-01-01 is before the signing date 2026-11-25");
    }

    @Test
    void a_delivery_on_the_signing_day_is_accepted() {
        fixture.given(drafted(designTerms()), signed())
                .when(delivery("dl-1", "d1", "2026-11-25", line("M8-30", "100", "100", "0")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_payment_before_the_signing_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(new RecordPaymentCommand(CONTRACT, "pay-1", Money.of("1000.00", "CNY"), date("2026-11-24"), null, null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the payment date 2026-11-24 is before the signing date 2026-11-25");
    }
}
