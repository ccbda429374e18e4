package com.contractledger.query.webhook;

import com.contractledger.query.common.Paging;
import com.contractledger.query.webhook.WebhookDelivery.Status;
import com.contractledger.query.webhook.WebhookDestinations.RefusedDestination;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Outbound webhooks for ADMIN: endpoints, their secrets and their delivery log. */
@RestController
@RequestMapping("/api/webhooks")
class WebhookController {

    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_URL = 2_000;
    private static final Duration SECRET_OVERLAP = Duration.ofHours(24);

    private final Webhooks webhooks;
    private final WebhookDestinations destinations;

    WebhookController(Webhooks webhooks, WebhookDestinations destinations) {
        this.webhooks = webhooks;
        this.destinations = destinations;
    }

    /** An endpoint to register: its URL, the event types it wants ({@code ["*"]} for all) and what it is for. */
    record NewEndpoint(String url, List<String> eventTypes, String description) {
    }

    /** A registered endpoint with its secret: the only answer that shows the secret. */
    record Registered(String webhookId, String url, List<String> eventTypes, String description, boolean enabled,
                      Instant createdAt, String secret) {
    }

    record Rotated(String webhookId, String secret, Instant previousSecretsValidUntil) {
    }

    @ApiResponse(responseCode = "201", description = "Registered: the endpoint with its secret")
    @PostMapping
    ResponseEntity<Registered> register(@RequestBody NewEndpoint request) {
        String url = required(request.url(), "url");
        if (url.length() > MAX_URL) {
            throw badRequest("url must be at most " + MAX_URL + " characters");
        }
        destinations.check(url);
        List<String> types = request.eventTypes() == null || request.eventTypes().isEmpty()
                ? List.of() : request.eventTypes();
        if (types.isEmpty()) {
            throw badRequest("eventTypes must name at least one event type, or \"*\" for all");
        }
        List<String> unknown = types.stream().filter(type -> !type.equals(WebhookEndpoint.ALL)
                && !EventTypes.NAMES.contains(type)).toList();
        if (!unknown.isEmpty()) {
            throw badRequest("unknown event types " + unknown + "; known: " + EventTypes.NAMES);
        }
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw badRequest("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        WebhookEndpoint endpoint = webhooks.create(url, types.stream().distinct().toList(), request.description());
        return ResponseEntity.created(URI.create("/api/webhooks/" + endpoint.id())).body(new Registered(endpoint.id(),
                endpoint.url(), endpoint.eventTypes(), endpoint.description(), endpoint.enabled(),
                endpoint.createdAt(), endpoint.secrets().get(0).value()));
    }

    @GetMapping
    List<WebhookEndpoint.View> all() {
        return webhooks.all().stream().map(WebhookEndpoint::view).toList();
    }

    @GetMapping("/{webhookId}")
    WebhookEndpoint.View one(@PathVariable String webhookId) {
        return webhooks.find(webhookId).map(WebhookEndpoint::view).orElseThrow(() -> noEndpoint(webhookId));
    }

    @ApiResponse(responseCode = "204", description = "Deleted, with its queued deliveries and their log")
    @DeleteMapping("/{webhookId}")
    ResponseEntity<Void> delete(@PathVariable String webhookId) {
        if (!webhooks.delete(webhookId)) {
            throw noEndpoint(webhookId);
        }
        return ResponseEntity.noContent().build();
    }

    /** Enabled again: what was queued meanwhile is sent, in order. */
    @PostMapping("/{webhookId}/enable")
    WebhookEndpoint.View enable(@PathVariable String webhookId) {
        return webhooks.enable(webhookId).map(WebhookEndpoint::view).orElseThrow(() -> noEndpoint(webhookId));
    }

    /** Disabled: nothing is sent; events go on being queued for it. */
    @PostMapping("/{webhookId}/disable")
    WebhookEndpoint.View disable(@PathVariable String webhookId, Principal admin) {
        return webhooks.disable(webhookId, "disabled by " + admin.getName()).map(WebhookEndpoint::view)
                .orElseThrow(() -> noEndpoint(webhookId));
    }

    /** A new secret; deliveries are signed with the previous ones too for 24 hours, so receivers can switch. */
    @PostMapping("/{webhookId}/secret-rotation")
    Rotated rotateSecret(@PathVariable String webhookId) {
        WebhookEndpoint endpoint = webhooks.rotateSecret(webhookId, SECRET_OVERLAP)
                .orElseThrow(() -> noEndpoint(webhookId));
        return new Rotated(webhookId, endpoint.secrets().get(0).value(),
                endpoint.secrets().size() > 1 ? endpoint.secrets().get(1).expiresAt() : null);
    }

    /** The endpoint's deliveries, newest first, with every attempt; {@code status} narrows them. */
    @GetMapping("/{webhookId}/deliveries")
    List<WebhookDelivery.View> deliveries(@PathVariable String webhookId,
                                          @RequestParam(required = false) Status status,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        one(webhookId);
        Paging paging = Paging.of(page, size);
        return webhooks.deliveries(webhookId, status, paging.page(), paging.size()).stream()
                .map(WebhookDelivery::view).toList();
    }

    @ApiResponse(responseCode = "202", description = "Queued again: it is sent at the next round")
    @PostMapping("/{webhookId}/deliveries/{deliveryId}/retry")
    ResponseEntity<WebhookDelivery.View> retry(@PathVariable String webhookId, @PathVariable String deliveryId) {
        WebhookDelivery delivery = webhooks.delivery(webhookId, deliveryId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "no delivery " + deliveryId + " to " + webhookId));
        return webhooks.retry(webhookId, deliveryId)
                .map(queued -> ResponseEntity.status(HttpStatus.ACCEPTED).body(queued.view()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "delivery " + deliveryId
                        + " is " + delivery.status() + "; only a FAILED or DEAD delivery can be sent again"));
    }

    @ExceptionHandler(RefusedDestination.class)
    ProblemDetail refused(RefusedDestination e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw badRequest(name + " is required");
        }
        return value.trim();
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static ResponseStatusException noEndpoint(String webhookId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook " + webhookId);
    }
}
