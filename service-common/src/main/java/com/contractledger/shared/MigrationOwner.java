package com.contractledger.shared;

import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * Who runs a service's schema migrations when it is not the service's own database user: the schema's owner, set as
 * {@code spring.flyway.user} and {@code spring.flyway.password} (and {@code spring.flyway.url}, else the datasource's
 * URL), so that the service itself can connect as a role that may only read and write rows
 * (docker/postgres/init-users.sh). Spring Boot's own Flyway is off (ledger-common.yml); the sides' migrations read it.
 */
public record MigrationOwner(String url, String user, String password) {

    /** The owner, when one is configured; empty when the migrations run as the datasource's user. */
    public static Optional<MigrationOwner> of(Environment environment) {
        String user = environment.getProperty("spring.flyway.user", "");
        if (user.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new MigrationOwner(environment.getProperty("spring.flyway.url",
                environment.getRequiredProperty("spring.datasource.url")), user,
                environment.getProperty("spring.flyway.password", "")));
    }

    @Override
    public String toString() {
        return "MigrationOwner[" + user + " at " + url + "]";
    }
}
