package com.contractledger.query.audit;

import com.contractledger.api.common.Identifiers;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.common.DateTimeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The auditor's reads, straight from the event store: a contract's or supplier's state at a point in time, its raw
 * stored events, the verification of its hash chain, and the export of the whole trail.
 */
@RestController
class AuditController {

    private static final Pattern ID = Pattern.compile(Identifiers.PATTERN);

    private final TimeTravel timeTravel;
    private final EventTable events;
    private final AuditExport export;

    AuditController(TimeTravel timeTravel, EventTable events, AuditExport export) {
        this.timeTravel = timeTravel;
        this.events = events;
        this.export = export;
    }

    @GetMapping("/api/contracts/{contractId}/state")
    ContractStateAtPoint contractState(@PathVariable String contractId, @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String version) {
        return timeTravel.contract(id(contractId), PointInTime.of(asOf, version));
    }

    @GetMapping("/api/suppliers/{supplierId}/state")
    SupplierStateAtPoint supplierState(@PathVariable String supplierId, @RequestParam(required = false) String asOf,
                                       @RequestParam(required = false) String version) {
        return timeTravel.supplier(id(supplierId), PointInTime.of(asOf, version));
    }

    @GetMapping("/api/contracts/{contractId}/events")
    List<StoredEvent> contractEvents(@PathVariable String contractId) {
        return found(events.of(EventTable.CONTRACT, id(contractId)), "contract", contractId);
    }

    @GetMapping("/api/suppliers/{supplierId}/events")
    List<StoredEvent> supplierEvents(@PathVariable String supplierId) {
        return found(events.of(EventTable.SUPPLIER, id(supplierId)), "supplier", supplierId);
    }

    @GetMapping("/api/audit/contracts/{contractId}/verify")
    ChainVerification verifyContract(@PathVariable String contractId) {
        return verify(EventTable.CONTRACT, "contract", contractId);
    }

    @GetMapping("/api/audit/suppliers/{supplierId}/verify")
    ChainVerification verifySupplier(@PathVariable String supplierId) {
        return verify(EventTable.SUPPLIER, "supplier", supplierId);
    }

    /** Written straight to the response, page by page, so no request timeout cuts a long export short. */
    @GetMapping("/api/audit/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String contractId, @RequestParam(required = false) String supplierId,
                @RequestParam(defaultValue = "ndjson") String format, HttpServletResponse response) throws IOException {
        AuditExport.Format chosen = switch (format.toLowerCase(Locale.ROOT)) {
            case "ndjson" -> AuditExport.Format.NDJSON;
            case "csv" -> AuditExport.Format.CSV;
            default -> throw badRequest("format must be ndjson or csv, not '" + format + "'");
        };
        if (contractId != null && supplierId != null) {
            throw badRequest("give contractId or supplierId, not both");
        }
        Set<String> aggregates = null;
        if (contractId != null) {
            aggregates = Set.of(id(contractId));
        } else if (supplierId != null) {
            aggregates = new LinkedHashSet<>(events.contractsOf(id(supplierId)));
            aggregates.add(supplierId);
        }
        AuditExport.Selection selection = new AuditExport.Selection(timestamp("from", from), timestamp("to", to),
                aggregates);
        response.setStatus(HttpStatus.OK.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(chosen == AuditExport.Format.CSV ? "text/csv" : "application/x-ndjson");
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger-events."
                + chosen.name().toLowerCase(Locale.ROOT) + "\"");
        export.write(selection, chosen, response.getOutputStream());
    }

    private ChainVerification verify(String aggregateType, String what, String aggregateId) {
        ChainVerification.Verifier verifier = new ChainVerification.Verifier(id(aggregateId));
        events.forEachOf(aggregateType, aggregateId, verifier::accept);
        ChainVerification result = verifier.result();
        if (result.events() == 0) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " is recorded under id " + aggregateId);
        }
        return result;
    }

    private static List<StoredEvent> found(List<StoredEvent> stored, String what, String id) {
        if (stored.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + what + " is recorded under id " + id);
        }
        return stored;
    }

    private static String id(String id) {
        if (!ID.matcher(id).matches()) {
            throw badRequest("ids are 1 to 64 characters of A-Z a-z 0-9 . _ -");
        }
        return id;
    }

    /** In the stored form, so that the range compares with the stored timestamps. */
    private static String timestamp(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return DateTimeUtils.formatInstant(OffsetDateTime.parse(value.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw badRequest(parameter + " must be an ISO-8601 instant such as 2026-11-25T09:30:00Z, not '" + value + "'");
        }
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
