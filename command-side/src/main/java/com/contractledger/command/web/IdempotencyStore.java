package com.contractledger.command.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Results of writes sent with an {@code Idempotency-Key}, per user and key, in the same database and transaction as
 * the events they stored: either both are there or neither is, across restarts and crashes.
 */
@Repository
class IdempotencyStore {

    record StoredWrite(String requestHash, int status, String aggregateId, Long version, String location) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredWrite> find(String actor, String key) {
        return jdbc.query("""
                        SELECT request_hash, status, aggregate_id, version, location
                        FROM idempotency_key WHERE actor = ? AND idempotency_key = ?""",
                (row, index) -> new StoredWrite(row.getString("request_hash"), row.getInt("status"),
                        row.getString("aggregate_id"), row.getObject("version", Long.class), row.getString("location")),
                actor, key).stream().findFirst();
    }

    /** Claims the key before the command runs; a concurrent claim of the same key fails on the primary key. */
    void reserve(String actor, String key, String requestHash) {
        jdbc.update("""
                        INSERT INTO idempotency_key (actor, idempotency_key, request_hash, created_at)
                        VALUES (?, ?, ?, ?)""",
                actor, key, requestHash, Timestamp.from(Instant.now()));
    }

    void complete(String actor, String key, int status, WriteResponse response, String location) {
        jdbc.update("""
                        UPDATE idempotency_key SET status = ?, aggregate_id = ?, version = ?, location = ?
                        WHERE actor = ? AND idempotency_key = ?""",
                status, response.id(), response.version(), location, actor, key);
    }
}
