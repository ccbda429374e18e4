package com.contractledger.query.audit;

import com.contractledger.query.common.DateParameters;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;

/**
 * Which state of an aggregate is asked for: just after the event with sequence number {@code version}, just after the
 * last event stored at or before {@code asOf}, or (neither given) the current state.
 */
record PointInTime(Long version, Instant asOf) {

    static PointInTime of(String asOf, String version) {
        if (asOf != null && version != null) {
            throw badRequest("give asOf or version, not both");
        }
        if (version != null) {
            try {
                long number = Long.parseLong(version.trim());
                if (number < 0) {
                    throw badRequest("version must be 0 or more (the creating event is version 0)");
                }
                return new PointInTime(number, null);
            } catch (NumberFormatException e) {
                throw badRequest("version must be a whole number, not '" + version + "'");
            }
        }
        if (asOf != null) {
            return new PointInTime(null, DateParameters.instant("asOf", asOf));
        }
        return new PointInTime(null, null);
    }

    /** True while the events, read in order, are still part of the state asked for. */
    boolean includes(long sequence, Instant timestamp) {
        if (version != null) {
            return sequence <= version;
        }
        return asOf == null || !timestamp.isAfter(asOf);
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
