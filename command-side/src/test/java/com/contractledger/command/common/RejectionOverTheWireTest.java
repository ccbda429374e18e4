package com.contractledger.command.common;

import com.contractledger.api.common.CommandRejection;
import com.contractledger.api.serialization.LedgerJson;
import com.contractledger.command.contract.ContractRule;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal crosses Axon Server as the connector's {@link CommandSerializer} writes it, with the application's message
 * serializer: the rule, its statement and the facts arrive as the handler sent them, in order.
 */
class RejectionOverTheWireTest {

    private final CommandSerializer wire = new CommandSerializer(LedgerJson.serializer(),
            AxonServerConfiguration.builder().componentName("wire-test").build());

    @Test
    void a_broken_rule_arrives_with_its_code_statement_detail_and_facts_in_order() {
        RuleViolationException violation = ContractRule.DELIVERY_EXCEEDS_REMAINING.violation(
                "sku M8-30: delivered 4201 is more than the 4200 remaining at delivery milestone d1",
                "milestoneId", "d1", "sku", "M8-30", "delivered", new BigDecimal("4201"),
                "remaining", new BigDecimal("4200"));
        CommandRejection sent = CommandRejections.of(violation, false).orElseThrow();

        CommandRejection received = crossed(sent);

        assertThat(received).isEqualTo(sent);
        assertThat(received.kind()).isEqualTo(CommandRejection.Kind.RULE_VIOLATED);
        assertThat(received.rule()).isEqualTo("DELIVERY_EXCEEDS_REMAINING");
        assertThat(received.statement()).isEqualTo(ContractRule.DELIVERY_EXCEEDS_REMAINING.statement());
        assertThat(received.detail()).contains("4200 remaining");
        assertThat(received.facts()).containsExactly(
                Map.entry("milestoneId", "d1"), Map.entry("sku", "M8-30"),
                Map.entry("delivered", "4201"), Map.entry("remaining", "4200"));
    }

    @Test
    void a_refusal_of_another_kind_arrives_without_rule_or_facts() {
        CommandRejection sent = new CommandRejection(CommandRejection.Kind.VERSION_CONFLICT, "If-Match expected 1", 3L);

        CommandRejection received = crossed(sent);

        assertThat(received).isEqualTo(sent);
        assertThat(received.rule()).isNull();
        assertThat(received.facts()).isEmpty();
    }

    private CommandRejection crossed(CommandRejection rejection) {
        CommandResultMessage<Object> failed = new GenericCommandResultMessage<>(
                CommandRejections.refusal(rejection, new IllegalStateException("the handler's own failure")));
        CommandResponse response = wire.serialize(failed, "command-1");
        CommandResultMessage<?> received = wire.deserialize(response);
        assertThat(received.exceptionResult()).isInstanceOf(CommandExecutionException.class);
        return CommandRejections.carriedBy(received.exceptionResult()).orElseThrow();
    }
}
