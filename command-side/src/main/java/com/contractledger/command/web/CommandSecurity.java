package com.contractledger.command.web;

import com.contractledger.shared.ProblemType;
import com.contractledger.shared.ApiAccess;
import com.contractledger.shared.LedgerSecurity;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The write API: every request to {@code /api/**} but reads and projection administration; who may is
 * {@link ApiAccess}. And the rules page, which anyone may read.
 */
@Configuration
class CommandSecurity {

    @Bean
    @Order(LedgerSecurity.API_CHAINS)
    SecurityFilterChain commandApiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher administration = PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**");
        return LedgerSecurity.ledgerDefaults(http, objectMapper)
                .securityMatcher(request -> !LedgerSecurity.READ.matches(request) && api.matches(request)
                        && !administration.matches(request))
                .authorizeHttpRequests(ApiAccess::authorize)
                .build();
    }

    /** The rules page the problems' types link to answers anyone, as the API description does. */
    @Bean
    @Order(LedgerSecurity.API_CHAINS)
    SecurityFilterChain rulesPageSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        return LedgerSecurity.ledgerDefaults(http, objectMapper)
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, ProblemType.PAGE))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }
}
