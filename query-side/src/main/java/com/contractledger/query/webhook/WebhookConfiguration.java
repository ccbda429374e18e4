package com.contractledger.query.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/** Outbound webhooks: endpoints managed by ADMIN, an outbox fed by an event processor, a dispatcher that sends. */
@Configuration
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    Webhooks webhooks(MongoTemplate mongo, Clock clock) {
        return new Webhooks(mongo, clock);
    }

    @Bean
    WebhookDestinations webhookDestinations(WebhookSettings settings) {
        return new WebhookDestinations(settings.allowedHosts());
    }

    @Bean
    WebhookOutbox webhookOutbox(Webhooks webhooks, ObjectMapper json) {
        return new WebhookOutbox(webhooks, json);
    }

    @Bean
    WebhookNotices webhookNotices(Webhooks webhooks, ObjectMapper json) {
        return new WebhookNotices(webhooks, json);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(Webhooks webhooks, WebhookDestinations destinations, WebhookSettings settings,
                                        Clock clock, MeterRegistry metrics) {
        return new WebhookDispatcher(webhooks, destinations, settings, clock, metrics);
    }
}
