package com.contractledger.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.stream.Stream;

/**
 * {@link WriteGuaranteesIT} on the postgres profile: simultaneous idempotent retries and If-Match races meet
 * PostgreSQL's unique keys (a failed statement aborts its whole transaction there), snapshots land in its table.
 */
class WriteGuaranteesOnPostgresIT extends WriteGuaranteesIT {

    @RegisterExtension
    static final PostgresDatabase postgres = new PostgresDatabase();
    private InTestMongo mongo;

    @Override
    LedgerProcess launch(String... arguments) {
        mongo = new InTestMongo();
        return LedgerProcess.start(dataDir, Stream.concat(Stream.of(postgres.launcherArguments(mongo.uri())),
                Stream.of(arguments)).toArray(String[]::new));
    }

    @Override
    @AfterAll
    void stop() {
        super.stop();
        if (mongo != null) {
            mongo.close();
        }
    }
}
