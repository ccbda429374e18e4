package com.contractledger.command.common;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Recognises a unique-key violation of the event table, so Axon reports a reused aggregate id or a concurrent append
 * as such (409) instead of a storage failure. Axon's default resolver misses H2's batch exception, whose cause sits in
 * the chain of "next" exceptions. SQL state 23505 is the standard unique violation of H2 and PostgreSQL.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (next instanceof SQLIntegrityConstraintViolationException
                    || UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
