package com.contractledger.command.contract;

import com.contractledger.api.contract.ContractExpiredEvent;
import com.contractledger.api.contract.ContractTerminatedEvent;
import com.contractledger.api.contract.TerminateContractCommand;
import com.contractledger.command.common.CommonRule;
import com.contractledger.command.common.Refusals;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.contractledger.command.contract.ContractRule.CONTRACT_CLOSED;

/** Termination: an ended contract accepts nothing further and its deadlines come to nothing. */
@Tag(Refusals.TAG)
class ContractTerminationTest extends ContractFixture {

    @Test
    void a_termination_effective_before_the_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed())
                        .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2015-03-01"), null)), CommonRule.FACT_BEFORE_DEPENDENCY,
                "no fact before what it depends on: the termination's effective date 2015-03-01 is before the contract's effective date 2026-12-01");
    }

    @Test
    void a_termination_may_take_effect_in_the_future() {
        today("2026-11-30");
        fixture.given(drafted(designTerms()), signed())
                .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2027-03-01"), null))
                .expectEvents(terminated());
    }

    @Test
    void a_terminated_contract_neither_expires_nor_goes_overdue() {
        at(NOW)
                .andGivenCommands(draft(designTerms()), sign(), new TerminateContractCommand(CONTRACT, "supplier exit", date("2026-12-01"), null))
                .whenTimeAdvancesTo(Instant.parse("2027-12-02T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void terminating_records_the_reason() {
        fixture.given(drafted(designTerms()), signed())
                .when(new TerminateContractCommand(CONTRACT, "supplier exit", date("2027-03-01"), null))
                .expectEvents(new ContractTerminatedEvent(CONTRACT, "supplier exit", date("2027-03-01")));
    }

    @Test
    void terminating_an_expired_contract_is_refused() {
        refused(fixture.given(drafted(designTerms()), signed(), new ContractExpiredEvent(CONTRACT, date("2027-11-30")))
                        .when(new TerminateContractCommand(CONTRACT, "too late", date("2027-12-05"), null)), CONTRACT_CLOSED,
                "contract ct-2026-001 is EXPIRED and accepts no further commands");
    }

    @Test
    void a_terminated_contract_refuses_amendments() {
        refused(fixture.given(drafted(designTerms()), signed(), terminated()).when(amendPrice()), CONTRACT_CLOSED,
                "contract ct-2026-001 is TERMINATED and accepts no further commands");
    }
}
