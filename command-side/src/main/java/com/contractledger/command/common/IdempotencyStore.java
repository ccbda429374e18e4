package com.contractledger.command.common;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Results of commands sent with an {@code Idempotency-Key}, per user and key. Written inside the command's own unit of
 * work, so the key and the events it stored commit together or not at all, across restarts and crashes.
 */
@Repository
public class IdempotencyStore {

    public record StoredResult(String requestHash, String aggregateId, long version) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredResult> find(String actor, String key) {
        return jdbc.query("""
                        SELECT request_hash, aggregate_id, version FROM idempotency_key
                        WHERE actor = ? AND idempotency_key = ?""",
                (row, index) -> new StoredResult(row.getString("request_hash"), row.getString("aggregate_id"),
                        row.getLong("version")),
                actor, key).stream().findFirst();
    }

    void save(String actor, String key, String requestHash, String aggregateId, long version) {
        jdbc.update("""
                        INSERT INTO idempotency_key (actor, idempotency_key, request_hash, aggregate_id, version, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                actor, key, requestHash, aggregateId, version, Timestamp.from(Instant.now()));
    }
}
