package com.contractledger.query.common;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Dates and instants given as query parameters: ISO-8601 and within the years 1900–2200 the ledger records. */
public final class DateParameters {

    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2200, 12, 31);

    private DateParameters() {
    }

    /** The instant {@code value} names, null if it is null; a 400 if it is not one or out of range. */
    public static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, parameter
                    + " must be an ISO-8601 instant such as 2026-11-25T09:30:00Z, not '" + value + "'");
        }
        if (instant.isBefore(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant())
                || !instant.isBefore(LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw outOfRange(parameter);
        }
        return instant;
    }

    /** {@code day} if it lies within the years the ledger records (or is null), a 400 otherwise. */
    public static LocalDate within(String parameter, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw outOfRange(parameter);
        }
        return day;
    }

    private static ResponseStatusException outOfRange(String parameter) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST,
                parameter + " must lie between " + FIRST_DAY + " and " + LAST_DAY);
    }
}
