package com.contractledger.shared;

import com.contractledger.api.reminder.ReminderPolicy;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reminder policy from {@code ledger.reminders.*} (milestone-days-before, expiry-days-before,
 * certification-days-before); what is not set keeps its default. Both sides read it: the command side schedules the
 * reminders, the query side shows the next one.
 */
@Configuration
public class ReminderSettings {

    @Bean
    ReminderPolicy reminderPolicy(Environment environment) {
        return Binder.get(environment).bind("ledger.reminders", ReminderPolicy.class).orElse(ReminderPolicy.DEFAULT);
    }
}
