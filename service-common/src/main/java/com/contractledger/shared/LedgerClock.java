package com.contractledger.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock of the application: whatever asks for "today" or "now" in the domain (the date rules of recorded
 * facts, overdue milestones, the read models' "as of today") asks this bean, so a test moves it instead of sleeping.
 * Always UTC, like the due dates it is compared with.
 */
@Configuration
public class LedgerClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
