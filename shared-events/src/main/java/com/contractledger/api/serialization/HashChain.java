package com.contractledger.api.serialization;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain over each aggregate's events. Every stored event carries, in its metadata, the hash of the
 * aggregate's previous event ({@code previousHash}, empty for the first) and its own {@code hash}:
 * <pre>
 * hash = lowercase hex of SHA-256 over the UTF-8 bytes of the compact JSON array
 *   [previousHash, aggregateId, sequenceNumber, eventId, payloadType, timestamp, actor, canonicalPayload]
 * </pre>
 * where {@code sequenceNumber} is a JSON number, {@code timestamp} is the stored form (ISO-8601 UTC with exactly three
 * fraction digits, {@code 2026-11-25T09:30:00.123Z}), {@code actor} is the metadata's actor or {@code null}, and
 * {@code canonicalPayload} is the stored payload JSON with object keys sorted (by UTF-16 code unit), no whitespace,
 * numbers exactly as written in the stored JSON and strings escaped as Jackson writes them (only {@code "}, {@code \}
 * and control characters; {@code \b \t \n \f \r} in short form, others as backslash, {@code u} and four upper-case hex digits).
 */
public final class HashChain {

    /** Metadata keys. */
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";
    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "";

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private HashChain() {
    }

    /** The hash of one event, linked to the one before it. */
    public static String hash(String previousHash, String aggregateId, long sequenceNumber, String eventId,
                              String payloadType, String timestamp, String actor, byte[] payloadJson) {
        String link = "[" + quote(previousHash) + "," + quote(aggregateId) + "," + sequenceNumber + ","
                + quote(eventId) + "," + quote(payloadType) + "," + quote(timestamp) + ","
                + (actor == null ? "null" : quote(actor)) + "," + canonicalJson(payloadJson) + "]";
        return sha256(link);
    }

    /** The stored JSON with sorted keys and no whitespace; numbers keep their written form. */
    public static String canonicalJson(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            StringBuilder out = new StringBuilder(json.length);
            parser.nextToken();
            writeValue(parser, out);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not valid JSON", e);
        }
    }

    private static void writeValue(JsonParser parser, StringBuilder out) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IllegalArgumentException("empty JSON");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, String> members = new TreeMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    StringBuilder value = new StringBuilder();
                    writeValue(parser, value);
                    if (members.put(name, value.toString()) != null) {
                        throw new IllegalArgumentException("duplicate key " + name);
                    }
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, String> member : members.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    out.append(quote(member.getKey())).append(':').append(member.getValue());
                }
                out.append('}');
            }
            case START_ARRAY -> {
                out.append('[');
                boolean first = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    writeValue(parser, out);
                }
                out.append(']');
            }
            case VALUE_STRING -> out.append(quote(parser.getText()));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> out.append(parser.getText());
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    private static String quote(String text) {
        return "\"" + new String(ENCODER.quoteAsString(text)) + "\"";
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
