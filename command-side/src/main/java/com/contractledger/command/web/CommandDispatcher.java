package com.contractledger.command.web;

import com.contractledger.command.common.AppendedVersion;
import com.contractledger.command.common.LedgerMetaData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Sends a command on behalf of an HTTP write and shapes the answer. Every command carries the actor, correlation id and
 * reason as metadata (copied onto its events); a write with an {@code Idempotency-Key} is answered from its first
 * result when retried, and stores nothing twice.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final IdempotencyStore idempotencyStore;
    private final TransactionTemplate transaction;
    private final ObjectMapper objectMapper;

    CommandDispatcher(CommandGateway commandGateway, IdempotencyStore idempotencyStore,
                      PlatformTransactionManager transactionManager, ObjectMapper objectMapper) {
        this.commandGateway = commandGateway;
        this.idempotencyStore = idempotencyStore;
        this.transaction = new TransactionTemplate(transactionManager);
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
        if (context.idempotencyKey() == null) {
            WriteResponse response = dispatch(context, command);
            return respond(context, status.value(), response, location(collection, response), false);
        }
        String requestHash = hash(context, body);
        try {
            return transaction.execute(tx -> {
                Optional<ResponseEntity<WriteResponse>> replay = replay(context, requestHash);
                if (replay.isPresent()) {
                    return replay.get();
                }
                idempotencyStore.reserve(context.actor(), context.idempotencyKey(), requestHash);
                WriteResponse response = dispatch(context, command);
                String location = location(collection, response);
                idempotencyStore.complete(context.actor(), context.idempotencyKey(), status.value(), response, location);
                return respond(context, status.value(), response, location, false);
            });
        } catch (DuplicateKeyException raced) {
            return transaction.execute(tx -> replay(context, requestHash))
                    .orElseThrow(IdempotencyKeyInUseException::new);
        } catch (PessimisticLockingFailureException stillRunning) {
            throw new IdempotencyKeyInUseException();
        }
    }

    private Optional<ResponseEntity<WriteResponse>> replay(WriteContext context, String requestHash) {
        return idempotencyStore.find(context.actor(), context.idempotencyKey()).map(stored -> {
            if (!stored.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            if (stored.version() == null) {
                throw new IdempotencyKeyInUseException();
            }
            return respond(context, stored.status(), new WriteResponse(stored.aggregateId(), stored.version()),
                    stored.location(), true);
        });
    }

    private WriteResponse dispatch(WriteContext context, Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(LedgerMetaData.ACTOR, context.actor());
        metaData.put(LedgerMetaData.CORRELATION_ID, context.correlationId());
        if (context.reason() != null && !context.reason().isBlank()) {
            metaData.put(LedgerMetaData.REASON, context.reason());
        }
        AppendedVersion appended = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metaData)));
        return new WriteResponse(appended.aggregateId(), appended.version());
    }

    private static String location(String collection, WriteResponse response) {
        return collection == null ? null : collection + response.id();
    }

    private static ResponseEntity<WriteResponse> respond(WriteContext context, int status, WriteResponse response,
                                                         String location, boolean replayed) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .eTag(Long.toString(response.version()))
                .header(WriteContextResolver.CORRELATION_HEADER, context.correlationId());
        if (location != null) {
            builder.location(URI.create(location));
        }
        if (replayed) {
            builder.header("Idempotent-Replayed", "true");
        }
        return builder.body(response);
    }

    private String hash(WriteContext context, Object body) {
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
