package com.contractledger.query.admin;

import org.axonframework.actuator.HealthStatus;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The read side in {@code /actuator/health} ({@code readModels}): {@code WARN} (still answered 200: the views serve)
 * while a projection has events it could not apply or its processor is in error, with the count per projection.
 */
@Component("readModelsHealthIndicator")
class ReadModelHealth extends AbstractHealthIndicator {

    private final ProjectionAdministration administration;

    ReadModelHealth(ProjectionAdministration administration) {
        this.administration = administration;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (ProjectionStatus projection : administration.projections()) {
            long letters = projection.deadLetters() == null ? 0 : projection.deadLetters();
            if (letters > 0 || projection.error()) {
                builder.status(HealthStatus.WARN)
                        .withDetail(projection.name(), letters + " dead letters" + (projection.error() ? ", in error" : ""));
            }
        }
    }
}
