package com.contractledger.command.contract;

import com.contractledger.api.common.Money;
import com.contractledger.api.contract.DisputeCategory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the request records guarantee, so that the aggregate need not check it again: each request here is refused
 * with a 400 naming the field before any command is sent.
 */
class ContractRequestsTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");

    static Stream<Arguments> incompleteRequests() {
        return Stream.of(
                Arguments.of(new ContractRequests.SignContract(List.of(), DAY), "signatories"),
                Arguments.of(new ContractRequests.SignContract(List.of(" "), DAY), "signatories[0].<list element>"),
                Arguments.of(new ContractRequests.SignContract(List.of("Wang Li"), null), "signedOn"),
                Arguments.of(new ContractRequests.OpenDispute("dp-1", null, DisputeCategory.QUANTITY,
                        Money.of("-1.00", "CNY"), "short"), "claimAmount.amount"),
                Arguments.of(new ContractRequests.AddDisputeNote("  ", List.of()), "text"),
                Arguments.of(new ContractRequests.EscalateDispute(null, "stuck"), "to"),
                Arguments.of(new ContractRequests.ResolveDispute(null, null, "done"), "outcome"),
                Arguments.of(new ContractRequests.TerminateContract(" ", null), "reason"),
                Arguments.of(new ContractRequests.RenewContract(null, null), "newExpiresOn"),
                Arguments.of(new ContractRequests.RecordPayment("pay-1", null, DAY, null), "amount"),
                Arguments.of(new ContractRequests.RecordDelivery("dl-1", "d1", DAY, List.of(), null, null), "lines"));
    }

    @ParameterizedTest
    @MethodSource("incompleteRequests")
    void an_incomplete_request_is_refused_before_a_command_is_sent(Record request, String field) {
        assertThat(VALIDATOR.validate(request)).extracting(ConstraintViolation::getPropertyPath)
                .map(Object::toString).contains(field);
    }
}
