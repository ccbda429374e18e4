package com.contractledger.command.web;

import com.contractledger.shared.ProblemType;
import com.contractledger.api.common.CommandRejection;
import com.contractledger.command.common.UnknownReferenceException;
import com.contractledger.command.contract.ContractRule;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every problem names its type; a broken rule's names the rule, states it, and carries the facts. */
class ApiProblemHandlerTest {

    private final ApiProblemHandler handler = new ApiProblemHandler();

    @Test
    void a_broken_rule_answers_409_with_the_rule_as_type_title_code_and_facts() {
        ProblemDetail problem = handler.failed(ContractRule.PAYMENT_EXCEEDS_VALUE.violation(
                "overpayment: payment of 500.01 CNY would bring the total paid to 8500.01 CNY",
                "amount", "500.01 CNY", "totalPaid", "8500.01 CNY", "contractValue", new BigDecimal("8500.00")))
                .getBody();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).isEqualTo(URI.create("/docs/rules#PAYMENT_EXCEEDS_VALUE"));
        assertThat(problem.getTitle()).isEqualTo(ContractRule.PAYMENT_EXCEEDS_VALUE.statement());
        assertThat(problem.getDetail()).startsWith("overpayment: payment of 500.01 CNY");
        assertThat(problem.getProperties()).containsEntry("rule", "PAYMENT_EXCEEDS_VALUE")
                .containsEntry("kind", CommandRejection.Kind.RULE_VIOLATED)
                .containsEntry("facts", Map.of("amount", "500.01 CNY", "totalPaid", "8500.01 CNY",
                        "contractValue", "8500.00"));
    }

    @Test
    void an_unknown_entry_answers_404_with_the_not_found_type_and_no_rule() {
        ProblemDetail problem = handler.failed(new UnknownReferenceException("dispute dp-9 does not exist")).getBody();

        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo(URI.create("/docs/rules#not-found"));
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getProperties()).doesNotContainKeys("rule", "facts");
    }

    @Test
    void every_kind_of_refusal_but_a_broken_rule_has_a_problem_type_of_its_status() {
        for (CommandRejection.Kind kind : CommandRejection.Kind.values()) {
            if (kind != CommandRejection.Kind.RULE_VIOLATED) {
                assertThat(ProblemType.of(kind).status()).as(kind.name()).isEqualTo(kind.status());
            }
        }
    }

    @Test
    void a_malformed_header_answers_400_with_the_invalid_header_type() {
        ProblemDetail problem = handler.invalidHeader(new InvalidHeaderException("If-Match", "If-Match must be a "
                + "version number"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(URI.create("/docs/rules#invalid-header"));
    }
}
