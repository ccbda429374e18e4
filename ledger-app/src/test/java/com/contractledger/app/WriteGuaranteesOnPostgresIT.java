package com.contractledger.app;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;

/**
 * {@link WriteGuaranteesIT} on the postgres profile: simultaneous idempotent retries and If-Match races meet
 * PostgreSQL's unique keys (a failed statement aborts its whole transaction there), snapshots land in its table.
 */
class WriteGuaranteesOnPostgresIT extends WriteGuaranteesIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    @RegisterExtension
    final InTestMongo mongo = new InTestMongo();

    @Override
    LedgerProcess launch(String... arguments) {
        return LedgerProcess.start(dataDir, Stream.concat(Stream.of(postgres.launcherArguments(mongo.uri())),
                Stream.of(arguments)).toArray(String[]::new));
    }
}
