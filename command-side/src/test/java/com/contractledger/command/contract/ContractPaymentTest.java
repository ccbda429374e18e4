package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.ContractCompletedEvent;
import com.contractledger.api.contract.ContractDeliveredEvent;
import com.contractledger.api.contract.ContractPaymentRecordedEvent;
import com.contractledger.api.contract.RecordPaymentCommand;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;
import static com.contractledger.command.contract.ContractRule.CONTRACT_NOT_ACTIVE;
import static com.contractledger.command.contract.ContractRule.MONEY_IN_CONTRACT_CURRENCY;
import static com.contractledger.command.contract.ContractRule.PAYMENT_EXCEEDS_VALUE;
import static com.contractledger.command.contract.ContractRule.PAYMENT_NOT_POSITIVE;

/** Payments against the schedule, and the completion of a contract delivered and paid in full. */
@Tag(Refusals.TAG)
class ContractPaymentTest extends ContractFixture {

    @Test
    void a_payment_carries_the_running_total() {
        fixture.given(drafted(designTerms()), signed(), paid("pay-1", "1000.00", "1000.00"))
                .when(payment("pay-2", "4930.00", "CNY"))
                .expectEvents(paid("pay-2", "4930.00", "5930.00"));
    }

    @Test
    void no_payment_before_signing() {
        refused(fixture.given(drafted(designTerms())).when(payment("pay-1", "100.00", "CNY")), CONTRACT_NOT_ACTIVE,
                "no payment before signing: contract ct-2026-001 is DRAFT");
    }

    @Test
    void a_payment_in_another_currency_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "100.00", "USD")), MONEY_IN_CONTRACT_CURRENCY,
                "payment is in USD but the contract is in CNY");
    }

    @Test
    void a_payment_of_zero_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "0.00", "CNY")), PAYMENT_NOT_POSITIVE,
                "payment amount must be greater than 0");
    }

    @Test
    void overpayment_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), paid("pay-1", "8000.00", "8000.00"))
                        .when(payment("pay-2", "500.01", "CNY")), PAYMENT_EXCEEDS_VALUE,
                "overpayment: payment of 500.01 CNY would bring the total paid to 8500.01 CNY, above the contract value 8500.00 CNY");
    }

    @Test
    void a_payment_id_used_twice_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), paid("pay-1", "100.00", "100.00"))
                        .when(payment("pay-1", "100.00", "CNY")), CommonRule.ID_ALREADY_RECORDED,
                "payment pay-1 is already recorded");
    }

    @Test
    void the_last_delivery_completes_a_fully_paid_contract() {
        fixture.given(drafted(designTerms()), signed(), paid("pay-1", "8500.00", "8500.00", "p1"))
                .when(delivery("dl-1", "d1", "2026-12-14", line("M8-30", "10000", "10000", "0")))
                .expectEvents(new ContractDeliveredEvent(CONTRACT, "dl-1", "d1", date("2026-12-14"),
                                List.of(line("M8-30", "10000", "10000", "0")), null, null, false, 0, Money.of("8500.00", "CNY"), true),
                        new ContractCompletedEvent(CONTRACT, date("2026-12-14")));
    }

    @Test
    void the_last_scheduled_payment_completes_a_fully_accepted_contract() {
        // After the price rise the value is 9000.00 but the schedule asks only 8500.00.
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered(),
                        delivered("dl-2", "2026-12-20", "4200", "3780.00", true))
                .when(new RecordPaymentCommand(CONTRACT, "pay-1", Money.of("8500.00", "CNY"), date("2027-01-10"), "BANK-7781", null))
                .expectEvents(new ContractPaymentRecordedEvent(CONTRACT, "pay-1", Money.of("8500.00", "CNY"), date("2027-01-10"),
                                "BANK-7781", Money.of("8500.00", "CNY"), List.of("p1")),
                        new ContractCompletedEvent(CONTRACT, date("2027-01-10")));
    }

    @Test
    void a_partly_delivered_contract_is_not_completed_by_payment() {
        fixture.given(drafted(designTerms()), signed(), amendedPrice(), designDelivered())
                .when(payment("pay-1", "8500.00", "CNY"))
                .expectEvents(paid("pay-1", "8500.00", "8500.00", "p1"));
    }

    @Test
    void a_completed_contract_refuses_every_command() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractCompletedEvent(CONTRACT, date("2027-01-10")))
                        .when(payment("pay-9", "1.00", "CNY")), CONTRACT_CLOSED,
                "contract ct-2026-001 is COMPLETED and accepts no further commands");
    }

    @Test
    void a_payment_dated_in_the_future_is_refused() {
        today("2027-01-01");
        refused(fixture.given(drafted(designTerms()), signed()).when(payment("pay-1", "1000.00", "CNY")), CommonRule.FACT_FROM_FUTURE,
                "no fact from the future: the payment date 2027-01-10 is after today, 2027-01-01");
    }
}
