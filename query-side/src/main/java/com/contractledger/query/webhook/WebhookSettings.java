package com.contractledger.query.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The webhooks' settings ({@code ledger.webhooks}). A failed delivery is tried again after each of
 * {@code retryDelays} in turn (each ±20 % at random), then dead-lettered; an endpoint whose deliveries have failed
 * for {@code disableAfter} is disabled. Destinations on private, loopback or link-local addresses are refused unless
 * their host is in {@code allowedHosts}.
 */
@ConfigurationProperties("ledger.webhooks")
public record WebhookSettings(@DefaultValue List<String> allowedHosts,
                              @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> retryDelays,
                              @DefaultValue("24h") Duration disableAfter,
                              @DefaultValue("10s") Duration timeout,
                              @DefaultValue("5s") Duration connectTimeout,
                              @DefaultValue("500ms") Duration pollInterval,
                              @DefaultValue("30s") Duration lease,
                              @DefaultValue("4") int concurrency,
                              @DefaultValue("100") int batch) {
}
