package com.contractledger.command.web;

import com.contractledger.command.RuleCatalogue;
import com.contractledger.command.common.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The page the problems' types link to is docs/rules.md as the build copied it, with a section for every rule. */
class RulesPageServedTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new RulesPage()).build();

    @Test
    void get_docs_rules_answers_the_rules_page_as_markdown() throws Exception {
        MvcResult result = mvc.perform(get("/docs/rules")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/markdown;charset=UTF-8");
        String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).isEqualTo(Files.readString(RulesPageTest.PAGE));
        for (Rule rule : RuleCatalogue.all()) {
            assertThat(page).as(rule.name()).contains("<a id=\"" + rule.name() + "\"></a>");
        }
    }
}
