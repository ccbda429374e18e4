package com.contractledger.query.admin;

import com.contractledger.query.admin.ProjectionAdministration.ReplayRunningException;
import com.contractledger.query.admin.ProjectionAdministration.SegmentsClaimedElsewhereException;
import com.contractledger.query.admin.ProjectionAdministration.UnknownProjectionException;
import com.contractledger.query.common.Paging;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Projection administration for ADMIN: status of every processor, replays, dead letters. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdministration administration;
    private final DeadLetters deadLetters;

    ProjectionAdminController(ProjectionAdministration administration, DeadLetters deadLetters) {
        this.administration = administration;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<ProjectionStatus> all() {
        return administration.projections();
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return administration.projection(name);
    }

    /** 202: the replay runs in the background; follow it on {@code GET /api/admin/projections/{name}}. */
    @ApiResponse(responseCode = "202", description = "Started: the projection's status, replaying")
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(administration.replay(name));
    }

    /**
     * 202: every projection replays, each into a new generation, starting together; follow them on
     * {@code GET /api/admin/projections}.
     */
    @ApiResponse(responseCode = "202", description = "Started: every projection's status, replaying")
    @PostMapping("/replay")
    ResponseEntity<List<ProjectionStatus>> replayAll() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(administration.replayAll());
    }

    /** The events the projection could not apply, oldest sequence first (at most {@code size}, 1 to 200). */
    @GetMapping("/{name}/dead-letters")
    List<DeadLetters.Letter> deadLetters(@PathVariable String name,
                                         @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(0, size);
        return deadLetters.list(administration.projection(name).name(), paging.size());
    }

    /** Applies the parked events again: those that now succeed leave the queue, the others stay with their cause. */
    @PostMapping("/{name}/dead-letters/retry")
    DeadLetters.Retry retry(@PathVariable String name) {
        return deadLetters.retry(administration.projection(name).name());
    }

    @ExceptionHandler(UnknownProjectionException.class)
    ProblemDetail unknown(UnknownProjectionException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({ReplayRunningException.class, SegmentsClaimedElsewhereException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
