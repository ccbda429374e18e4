package com.contractledger.query.audit;

import com.contractledger.api.common.Identifiers;
import com.contractledger.query.EventSourceUnavailable;
import com.contractledger.query.common.DateParameters;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The auditor's reads, straight from the event store: a contract's or supplier's state at a point in time, its raw
 * stored events, the verification of its hash chain, and the export of the whole trail.
 */
@RestController
class AuditController {

    private static final Logger log = LoggerFactory.getLogger(AuditController.class);
    private static final Pattern ID = Pattern.compile(Identifiers.PATTERN);

    private final TimeTravel timeTravel;
    private final StoredEvents events;
    private final AuditExport export;

    AuditController(TimeTravel timeTravel, StoredEvents events, AuditExport export) {
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
        return found(events.of(StoredEvents.CONTRACT, id(contractId)), "contract", contractId);
    }

    @GetMapping("/api/suppliers/{supplierId}/events")
    List<StoredEvent> supplierEvents(@PathVariable String supplierId) {
        return found(events.of(StoredEvents.SUPPLIER, id(supplierId)), "supplier", supplierId);
    }

    @GetMapping("/api/audit/contracts/{contractId}/verify")
    ChainVerification verifyContract(@PathVariable String contractId) {
        return verify(StoredEvents.CONTRACT, "contract", contractId);
    }

    @GetMapping("/api/audit/suppliers/{supplierId}/verify")
    ChainVerification verifySupplier(@PathVariable String supplierId) {
        return verify(StoredEvents.SUPPLIER, "supplier", supplierId);
    }

    /**
     * Written straight to the response as the store streams it, so no request timeout cuts a long export short. Every
     * parameter is checked before the content type is set.
     */
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
        AuditExport.Selection selection = new AuditExport.Selection(DateParameters.instant("from", from),
                DateParameters.instant("to", to),
                contractId == null ? null : id(contractId), supplierId == null ? null : id(supplierId));
        response.setStatus(HttpStatus.OK.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(chosen == AuditExport.Format.CSV ? "text/csv" : "application/x-ndjson");
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger-events."
                + chosen.name().toLowerCase(Locale.ROOT) + "\"");
        export.write(selection, chosen, response.getOutputStream());
    }

    /**
     * Every failure here is answered as a problem (RFC 9457), also one of an export that has set its own content type
     * but sent nothing yet. Once an export has sent bytes, a failure can only cut it short.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> failed(Exception failure, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            throw failure;
        }
        response.reset();
        if (EventSourceUnavailable.covers(failure)) {
            return EventSourceUnavailable.answer(failure);
        }
        ProblemDetail problem;
        if (failure instanceof ErrorResponse answer) {
            problem = answer.getBody();
        } else {
            log.error("unexpected failure of an audit read", failure);
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "the audit read failed");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
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

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
