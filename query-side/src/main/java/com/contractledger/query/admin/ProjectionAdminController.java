package com.contractledger.query.admin;

import com.contractledger.query.admin.ProjectionAdministration.ReplayRunningException;
import com.contractledger.query.admin.ProjectionAdministration.SegmentsClaimedElsewhereException;
import com.contractledger.query.admin.ProjectionAdministration.UnknownProjectionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Projection administration for ADMIN (the URL rules are the launcher's): status of every processor, replays. */
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final ProjectionAdministration administration;

    ProjectionAdminController(ProjectionAdministration administration) {
        this.administration = administration;
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
    @PostMapping("/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(administration.replay(name));
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
