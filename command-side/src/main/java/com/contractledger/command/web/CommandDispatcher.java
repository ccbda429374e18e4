package com.contractledger.command.web;

import com.contractledger.command.common.AppendedVersion;
import com.contractledger.command.common.IdempotencyStore;
import com.contractledger.command.common.LedgerMetaData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Sends a command on behalf of an HTTP write and shapes the answer. Every command carries the actor, correlation id and
 * reason as metadata (copied onto its events). A write with an {@code Idempotency-Key} carries the key and a
 * fingerprint of the request; the command's unit of work answers a retry from the first result (see
 * {@link AppendedVersion}).
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotencyStore;
    private final ObjectMapper objectMapper;

    CommandDispatcher(CommandGateway commandGateway, IdempotencyStore idempotencyStore, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.idempotencyStore = idempotencyStore;
        this.objectMapper = objectMapper;
    }

    /** A write that creates the resource at {@code collection + id}: 201 with its Location. */
    public ResponseEntity<WriteResponse> create(WriteContext context, Object body, Object command, String collection) {
        return send(context, body, command, HttpStatus.CREATED, collection);
    }

    /** A write that adds an entry to a collection of an existing resource (a delivery, a breach, a note): 201. */
    public ResponseEntity<WriteResponse> record(WriteContext context, Object body, Object command) {
        return send(context, body, command, HttpStatus.CREATED, null);
    }

    /** A write that changes the state of an existing resource (a signature, a suspension, a resolution): 202. */
    public ResponseEntity<WriteResponse> change(WriteContext context, Object body, Object command) {
        return send(context, body, command, HttpStatus.ACCEPTED, null);
    }

    private ResponseEntity<WriteResponse> send(WriteContext context, Object body, Object command, HttpStatus status,
                                               String collection) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(LedgerMetaData.ACTOR, context.actor());
        metaData.put(LedgerMetaData.CORRELATION_ID, context.correlationId());
        if (context.reason() != null && !context.reason().isBlank()) {
            metaData.put(LedgerMetaData.REASON, context.reason());
        }
        String requestHash = null;
        if (context.idempotencyKey() != null) {
            requestHash = fingerprint(context, body);
            metaData.put(LedgerMetaData.IDEMPOTENCY_KEY, context.idempotencyKey());
            metaData.put(LedgerMetaData.REQUEST_HASH, requestHash);
        }
        AppendedVersion result;
        try {
            result = commandGateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
        } catch (RuntimeException failure) {
            // A simultaneous retry with the same key may have won: its commit made this one fail (an id already
            // taken, a duplicate key). Answer from the winner's result; any other failure stands.
            result = replay(context, requestHash, failure);
        }
        if (result == null || !result.isComplete()) {
            throw new IllegalStateException("the command stored no event");
        }
        WriteResponse response = new WriteResponse(result.getAggregateId(), result.getVersion());
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .eTag(Long.toString(response.version()))
                .header(WriteContextResolver.CORRELATION_HEADER, context.correlationId());
        if (collection != null) {
            builder.location(URI.create(collection + response.id()));
        }
        if (result.isReplayed()) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response);
    }

    private AppendedVersion replay(WriteContext context, String requestHash, RuntimeException cause) {
        if (context.idempotencyKey() == null) {
            throw cause;
        }
        return idempotencyStore.find(context.actor(), context.idempotencyKey())
                .map(stored -> AppendedVersion.replayOf(stored, requestHash))
                .orElseThrow(() -> cause);
    }

    private String fingerprint(WriteContext context, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((context.method() + " " + context.path() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
