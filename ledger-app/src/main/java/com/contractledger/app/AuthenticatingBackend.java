package com.contractledger.app;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The embedded read-model store's door, since mongo-java-server has none: a connection gets nothing but the handshake
 * until it has authenticated with SCRAM-SHA-256 as the one user in {@code admin}, and is refused with the errors a
 * real MongoDB gives (13 Unauthorized, 18 AuthenticationFailed).
 */
final class AuthenticatingBackend implements MongoBackend {

    private static final Logger log = LoggerFactory.getLogger(AuthenticatingBackend.class);

    // The handshake and the ping a real MongoDB answers before authentication, as this server knows them (not hello).
    private static final Set<String> BEFORE_AUTHENTICATION = Set.of("isMaster", "ismaster", "ping");
    private static final int CONVERSATION_ID = 1;

    private final MongoBackend backend;
    private final ScramSha256 scram;
    private final Set<Channel> authenticated = ConcurrentHashMap.newKeySet();
    private final Map<Channel, ScramSha256.Exchange> exchanges = new ConcurrentHashMap<>();

    AuthenticatingBackend(MongoBackend backend, ScramSha256 scram) {
        this.backend = backend;
        this.scram = scram;
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        Document command = message.getDocument();
        String name = command.isEmpty() ? "" : command.keySet().iterator().next();
        return answer(message.getChannel(), message.getDatabaseName(), name, command,
                () -> backend.handleMessage(message));
    }

    /** Commands sent the legacy way (OP_QUERY on {@code $cmd}). */
    @Override
    public Document handleCommand(Channel channel, String database, String name, Document command) {
        return answer(channel, database, name, command, () -> backend.handleCommand(channel, database, name, command));
    }

    private Document answer(Channel channel, String database, String name, Document command, Supplier<Document> next) {
        if (name.equals("saslStart")) {
            return saslStart(channel, database, command);
        }
        if (name.equals("saslContinue")) {
            return saslContinue(channel, command);
        }
        if (authenticated.contains(channel) || BEFORE_AUTHENTICATION.contains(name)) {
            return next.get();
        }
        return error(13, "Unauthorized", "command " + name + " requires authentication");
    }

    private Document saslStart(Channel channel, String database, Document command) {
        exchanges.remove(channel);
        Optional<ScramSha256.Exchange> exchange = database.equals("admin")
                && "SCRAM-SHA-256".equals(command.get("mechanism"))
                ? scram.start(payload(command)) : Optional.empty();
        if (exchange.isEmpty()) {
            return authenticationFailed(channel);
        }
        exchanges.put(channel, exchange.get());
        return saslReply(false, exchange.get().serverFirst().getBytes(StandardCharsets.UTF_8));
    }

    private Document saslContinue(Channel channel, Document command) {
        ScramSha256.Exchange exchange = exchanges.remove(channel);
        Optional<byte[]> serverFinal = exchange != null
                && command.get("conversationId") instanceof Number id && id.intValue() == CONVERSATION_ID
                ? scram.finish(exchange, payload(command)) : Optional.empty();
        if (serverFinal.isEmpty()) {
            return authenticationFailed(channel);
        }
        authenticated.add(channel);
        // Done at once, as MongoDB answers a driver that asks to skip the empty last round (the Java driver always asks).
        return saslReply(true, serverFinal.get());
    }

    private static byte[] payload(Document command) {
        return command.get("payload") instanceof BinData payload ? payload.getData() : new byte[0];
    }

    private static Document saslReply(boolean done, byte[] payload) {
        Document reply = new Document("conversationId", CONVERSATION_ID);
        reply.put("done", done);
        reply.put("payload", new BinData(payload));
        reply.put("ok", 1);
        return reply;
    }

    private static Document authenticationFailed(Channel channel) {
        log.warn("failed authentication to the embedded read-model store from {}", channel.remoteAddress());
        return error(18, "AuthenticationFailed", "Authentication failed.");
    }

    private static Document error(int code, String codeName, String message) {
        Document error = new Document("ok", 0);
        error.put("errmsg", message);
        error.put("code", code);
        error.put("codeName", codeName);
        return error;
    }

    private void requireAuthenticated(Channel channel, String name) {
        if (!authenticated.contains(channel)) {
            throw new MongoServerError(13, "Unauthorized", "command " + name + " requires authentication");
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "find");
        return backend.handleQuery(query);
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        requireAuthenticated(query.getChannel(), "currentOp");
        return backend.getCurrentOperations(query);
    }

    /** Only reached by a legacy {@code serverStatus}, which does not say whose connection it came on. */
    @Override
    public Document getServerStatus() {
        throw new MongoServerError(13, "Unauthorized", "command serverStatus requires authentication");
    }

    @Override
    public void handleClose(Channel channel) {
        authenticated.remove(channel);
        exchanges.remove(channel);
        backend.handleClose(channel);
    }

    @Override
    public void dropDatabase(String database) {
        backend.dropDatabase(database);
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        backend.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return backend.getClock();
    }

    @Override
    public void enableOplog() {
        backend.enableOplog();
    }

    @Override
    public void disableOplog() {
        backend.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return backend.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        backend.version(version);
        return this;
    }
}
