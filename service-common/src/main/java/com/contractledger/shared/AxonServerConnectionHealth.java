package com.contractledger.shared;

import org.axonframework.actuator.HealthStatus;
import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Axon Server's connection in {@code /actuator/health} ({@code axonServer}), as Axon reports it, except that a lost
 * connection degrades the service ({@code WARN}, still answered 200) instead of taking it down: each service keeps
 * doing what it can without Axon Server, and {@code whileAway} says what that is.
 */
public class AxonServerConnectionHealth extends AxonServerHealthIndicator {

    private final String whileAway;

    public AxonServerConnectionHealth(AxonServerConnectionManager connectionManager, String whileAway) {
        super(connectionManager);
        this.whileAway = whileAway;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        super.doHealthCheck(builder);
        if (Status.DOWN.equals(builder.build().getStatus())) {
            builder.status(HealthStatus.WARN).withDetail("whileAway", whileAway);
        }
    }
}
