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
 * aggregate's previous event ({@code previousHash}, empty for the first), its own {@code hash} and the scheme it was
 * hashed with ({@code hashScheme}; absent on events stored before scheme 2, which are scheme 1):
 * <pre>
 * hash = lowercase hex of SHA-256 over the UTF-8 bytes of the compact JSON array
 *   scheme 2: [2, previousHash, aggregateId, sequenceNumber, eventId, payloadType, timestamp, actor, canonicalPayload]
 *   scheme 1: [previousHash, aggregateId, sequenceNumber, eventId, payloadType, timestamp, actor, canonicalPayload]
 * </pre>
 * where {@code sequenceNumber} is a JSON number, {@code timestamp} is the stored form (ISO-8601 UTC with exactly three
 * fraction digits, {@code 2026-11-25T09:30:00.123Z}), {@code actor} is the metadata's actor or {@code null}, and
 * {@code canonicalPayload} is the stored payload JSON with object keys sorted (by UTF-16 code unit), no whitespace,
 * numbers exactly as written in the stored JSON and strings escaped as Jackson writes them (only {@code "}, {@code \}
 * and control characters; {@code \b \t \n \f \r} in short form, others as backslash, {@code u} and four upper-case hex digits).
 * Scheme 2 also escapes every unpaired surrogate that way, so that the link is well-formed UTF-16 and its UTF-8 bytes
 * tell every string apart; scheme 1 left them to the UTF-8 encoder, which writes each as {@code ?}.
 */
public final class HashChain {

    /** Metadata keys. */
    public static final String PREVIOUS_HASH = "previousHash";
    public static final String HASH = "hash";
    public static final String HASH_SCHEME = "hashScheme";
    /** The scheme new events are hashed with. */
    public static final int SCHEME = 2;
    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "";

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private HashChain() {
    }

    /** The scheme named by an event's {@code hashScheme} metadata value: 1 if there is none, else 2. */
    public static int scheme(Object hashScheme) {
        if (hashScheme == null) {
            return 1;
        }
        if (hashScheme.toString().equals("2")) {
            return 2;
        }
        throw new IllegalArgumentException("unknown hash scheme " + hashScheme);
    }

    /** The hash of one event under a scheme, linked to the one before it. */
    public static String hash(int scheme, String previousHash, String aggregateId, long sequenceNumber, String eventId,
                              String payloadType, String timestamp, String actor, byte[] payloadJson) {
        boolean escapeSurrogates = escapesSurrogates(scheme);
        String link = "[" + (scheme == 1 ? "" : scheme + ",") + quote(previousHash, escapeSurrogates) + ","
                + quote(aggregateId, escapeSurrogates) + "," + sequenceNumber + ","
                + quote(eventId, escapeSurrogates) + "," + quote(payloadType, escapeSurrogates) + ","
                + quote(timestamp, escapeSurrogates) + ","
                + (actor == null ? "null" : quote(actor, escapeSurrogates)) + ","
                + canonicalJson(scheme, payloadJson) + "]";
        return sha256(link);
    }

    /** The stored JSON with sorted keys and no whitespace; numbers keep their written form. */
    public static String canonicalJson(int scheme, byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            StringBuilder out = new StringBuilder(json.length);
            parser.nextToken();
            writeValue(parser, out, escapesSurrogates(scheme));
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing content after the JSON value");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("payload is not valid JSON", e);
        }
    }

    private static boolean escapesSurrogates(int scheme) {
        return switch (scheme) {
            case 1 -> false;
            case 2 -> true;
            default -> throw new IllegalArgumentException("unknown hash scheme " + scheme);
        };
    }

    private static void writeValue(JsonParser parser, StringBuilder out, boolean escapeSurrogates) throws IOException {
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
                    writeValue(parser, value, escapeSurrogates);
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
                    out.append(quote(member.getKey(), escapeSurrogates)).append(':').append(member.getValue());
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
                    writeValue(parser, out, escapeSurrogates);
                }
                out.append(']');
            }
            case VALUE_STRING -> out.append(quote(parser.getText(), escapeSurrogates));
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> out.append(parser.getText());
            default -> throw new IllegalArgumentException("unexpected JSON token " + token);
        }
    }

    private static String quote(String text, boolean escapeSurrogates) {
        String quoted = new String(ENCODER.quoteAsString(text));
        return "\"" + (escapeSurrogates ? escapeUnpairedSurrogates(quoted) : quoted) + "\"";
    }

    private static String escapeUnpairedSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (unpaired) {
                out.append("\\u").append(HexFormat.of().withUpperCase().toHexDigits(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
