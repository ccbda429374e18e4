package com.contractledger.app;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's side of SCRAM-SHA-256 (RFC 5802, RFC 7677) for one user, as MongoDB speaks it: the client proves that
 * it knows the password without sending it, and the server's answer proves the same to the client. The server keeps
 * only the keys derived from the password.
 */
final class ScramSha256 {

    // The least the MongoDB drivers accept; the password is random, so more rounds would protect nothing.
    private static final int ITERATIONS = 4096;
    // No channel binding, no authorization identity: the only header MongoDB's drivers send.
    private static final String GS2_HEADER = "n,,";
    private static final String CHANNEL_BINDING = base64(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));

    private final SecureRandom random = new SecureRandom();
    private final String user;
    private final String salt;
    private final byte[] storedKey;
    private final byte[] serverKey;

    /** The user and password must be plain ASCII without {@code ,} or {@code =}, so that SASLprep leaves them as they are. */
    ScramSha256(String user, String password) {
        this.user = user;
        byte[] saltBytes = randomBytes(16);
        this.salt = base64(saltBytes);
        byte[] saltedPassword = saltedPassword(password.getBytes(StandardCharsets.UTF_8), saltBytes);
        this.storedKey = sha256(hmac(saltedPassword, "Client Key"));
        this.serverKey = hmac(saltedPassword, "Server Key");
    }

    /** What the server remembers between the two messages of one exchange. */
    record Exchange(String clientFirstBare, String serverFirst, String nonce) {
    }

    /** Answers a client-first-message ({@code n,,n=user,r=nonce}) of this user with a new exchange. */
    Optional<Exchange> start(byte[] clientFirst) {
        String message = new String(clientFirst, StandardCharsets.UTF_8);
        if (!message.startsWith(GS2_HEADER)) {
            return Optional.empty();
        }
        String bare = message.substring(GS2_HEADER.length());
        String[] attributes = bare.split(",", -1);
        if (attributes.length != 2 || !attributes[0].equals("n=" + user) || !attributes[1].startsWith("r=")
                || attributes[1].length() == 2) {
            return Optional.empty();
        }
        String nonce = attributes[1].substring(2) + base64(randomBytes(18));
        return Optional.of(new Exchange(bare, "r=" + nonce + ",s=" + salt + ",i=" + ITERATIONS, nonce));
    }

    /**
     * Checks the proof in a client-final-message ({@code c=biws,r=nonce,p=proof}) and answers with the
     * server-final-message ({@code v=signature}), or with nothing if the proof is wrong.
     */
    Optional<byte[]> finish(Exchange exchange, byte[] clientFinal) {
        String message = new String(clientFinal, StandardCharsets.UTF_8);
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return Optional.empty();
        }
        String withoutProof = message.substring(0, proofAt);
        if (!withoutProof.equals("c=" + CHANNEL_BINDING + ",r=" + exchange.nonce())) {
            return Optional.empty();
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String authMessage = exchange.clientFirstBare() + "," + exchange.serverFirst() + "," + withoutProof;
        byte[] clientSignature = hmac(storedKey, authMessage);
        if (proof.length != clientSignature.length) {
            return Optional.empty();
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            return Optional.empty();
        }
        return Optional.of(("v=" + base64(hmac(serverKey, authMessage))).getBytes(StandardCharsets.UTF_8));
    }

    /** Hi(password, salt, i) of RFC 5802: PBKDF2 with HMAC-SHA-256 and one block. */
    private static byte[] saltedPassword(byte[] password, byte[] salt) {
        Mac mac = mac(password);
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[]{0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < ITERATIONS; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }

    private static byte[] hmac(byte[] key, String text) {
        return mac(key).doFinal(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
