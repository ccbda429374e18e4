package com.contractledger.command.web;

import com.contractledger.shared.ProblemType;
import com.contractledger.command.RuleCatalogue;
import com.contractledger.command.common.Refusals;
import com.contractledger.command.common.Rule;
import com.contractledger.command.common.RuleViolationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * The rule catalogue is complete and documented: every code is refused by some test (the tests tagged
 * {@value Refusals#TAG}, which this class runs itself so that it stands alone), and docs/rules.md is what the catalogue
 * and those refusals generate.
 */
class RulesPageTest {

    static final Path PAGE = Path.of("..", "docs", "rules.md");
    private static final String REGENERATE = "mvn -o -q -pl command-side -am test -Dtest=RulesPageTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dledger.docs.write=true";
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build()
            .enable(SerializationFeature.INDENT_OUTPUT);

    @BeforeAll
    static void runTheRefusalTests() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("com.contractledger.command"))
                .filters(TagFilter.includeTags(Refusals.TAG))
                .build(), summary);
        assertThat(summary.getSummary().getTestsFoundCount()).as("refusal tests found").isPositive();
    }

    @Test
    void every_code_is_upper_snake_case_and_used_once_with_a_one_line_statement() {
        Set<String> codes = new HashSet<>();
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(codes.add(rule.name())).as("code %s used once", rule.name()).isTrue();
            assertThat(rule.name()).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
            assertThat(rule.statement()).as(rule.name()).endsWith(".").doesNotContain("\n");
        }
    }

    @Test
    void every_rule_is_refused_by_a_test_that_checks_its_code_and_that_nothing_was_stored() {
        List<String> unrefused = RuleCatalogue.all().stream()
                .filter(rule -> Refusals.of(rule).isEmpty())
                .map(Rule::name)
                .toList();
        assertThat(unrefused).as("rules no test tagged '%s' refuses through Refusals.refused/breaking",
                Refusals.TAG).isEmpty();
    }

    @Test
    void docs_rules_md_is_generated_from_the_catalogue() throws IOException {
        String generated = page();
        if (Boolean.getBoolean("ledger.docs.write")) {
            Files.writeString(PAGE, generated);
        }
        String written = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        assertThat(written).as("docs/rules.md is out of date; regenerate it with: " + REGENERATE)
                .isEqualTo(generated);
    }

    static String page() throws IOException {
        StringBuilder page = new StringBuilder();
        page.append("# Rules and problem types\n\n")
                .append("<!-- Generated from the rule catalogue (RuleCatalogue, ProblemType) and the refusal tests by\n")
                .append("     RulesPageTest; do not edit. Regenerate with:\n     ").append(REGENERATE).append(" -->\n\n")
                .append("""
                        Every refused request is an RFC 9457 problem (`application/problem+json`) whose `type` is a \
                        link to its section here: `%1$s#<CODE>` for a broken rule, `%1$s#<problem>` for the other \
                        problems. Clients switch on `rule` (or `type`), never on the words of `detail`.

                        A broken rule is a `409` with `kind: RULE_VIOLATED`; nothing was stored. Its problem carries
                        - `type`: `%1$s#<CODE>`, the rule's section below;
                        - `title`: the rule's statement;
                        - `detail`: this case, in a sentence;
                        - `rule`: the code, stable across versions;
                        - `facts`: what decided it, in order, each value as text (decimals as plain decimals, money \
                        as amount and currency).

                        """.formatted(ProblemType.PAGE));
        page.append("## Problems other than a broken rule\n\n")
                .append("| type | status | title | meaning |\n|---|---|---|---|\n");
        for (ProblemType type : ProblemType.values()) {
            page.append("| <a id=\"").append(type.anchor()).append("\"></a>`").append(type.uri()).append("` | ")
                    .append(type.status()).append(" | ").append(type.title()).append(" | ").append(type.meaning())
                    .append(" |\n");
        }
        page.append("\nA refused write's problem also carries `kind` (`NOT_FOUND`, `VERSION_CONFLICT` with ")
                .append("`currentVersion`, `ALREADY_EXISTS`, `CONCURRENT_WRITE`, `IDEMPOTENCY_KEY_REUSED`, ")
                .append("`STORE_UNAVAILABLE`, `RULE_VIOLATED`); a `400` carries `errors[]`, the fields at fault.\n");
        for (RuleCatalogue.Section section : RuleCatalogue.sections()) {
            page.append("\n## ").append(section.heading()).append("\n\n| code | rule |\n|---|---|\n");
            for (Rule rule : section.rules()) {
                page.append("| [`").append(rule.name()).append("`](#").append(rule.name()).append(") | ")
                        .append(rule.statement()).append(" |\n");
            }
            for (Rule rule : section.rules()) {
                page.append("\n### <a id=\"").append(rule.name()).append("\"></a>").append(rule.name())
                        .append("\n\n").append(rule.statement()).append("\n");
                RuleViolationException example = Refusals.example(rule).orElse(null);
                if (example != null) {
                    page.append("\nFor example:\n\n```json\n").append(problemOf(example)).append("\n```\n");
                }
            }
        }
        return page.toString();
    }

    private static String problemOf(RuleViolationException refusal) throws IOException {
        ProblemDetail problem = new ApiProblemHandler().failed(refusal).getBody();
        return JSON.writeValueAsString(problem);
    }
}
