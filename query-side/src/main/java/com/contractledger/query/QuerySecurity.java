package com.contractledger.query;

import com.contractledger.shared.ApiAccess;
import com.contractledger.shared.LedgerSecurity;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;


/**
 * The read API (every GET and HEAD under {@code /api}) and projection administration; who may is {@link ApiAccess}:
 * every role reads, history for BUYER, AUDITOR and COMPLIANCE, audit endpoints for AUDITOR and COMPLIANCE,
 * administration for ADMIN.
 */
@Configuration
class QuerySecurity {

    @Bean
    @Order(LedgerSecurity.API_CHAINS)
    SecurityFilterChain queryApiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return LedgerSecurity.ledgerDefaults(http, objectMapper)
                .securityMatcher(new OrRequestMatcher(paths.matcher("/api/admin/**"),
                        new AndRequestMatcher(LedgerSecurity.READ, paths.matcher("/api/**"))))
                .authorizeHttpRequests(ApiAccess::authorize)
                .build();
    }
}
