package com.contractledger.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A connection that sends exactly the bytes a test writes, as a hostile or slow client does: an HTTP client would
 * normalise the path, refuse a bare CR in a header or send a body at once.
 */
final class RawHttp implements AutoCloseable {

    static final String BUYER = "Authorization: Basic "
            + Base64.getEncoder().encodeToString("buyer:demo".getBytes(StandardCharsets.UTF_8)) + "\r\n";

    private final Socket socket;

    RawHttp(String baseUrl) throws IOException {
        URI uri = URI.create(baseUrl);
        this.socket = new Socket(uri.getHost(), uri.getPort());
    }

    RawHttp send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /**
     * Everything the server sends until it closes the connection, or null if it has not closed it within
     * {@code wait}: a response, then the end of the stream.
     */
    String untilClosed(Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int count; (count = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, count);
            }
        } catch (SocketTimeoutException stillOpen) {
            return null;
        } catch (IOException reset) {
            // closed by the server with unread bytes of ours: a reset, after whatever it answered
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    /** The response's head and as much of its body as has arrived once {@code marker} has, or null. */
    String until(String marker, Duration wait) throws IOException {
        socket.setSoTimeout((int) wait.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            while (!received.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
                int count = in.read(buffer);
                if (count < 0) {
                    return null;
                }
                received.write(buffer, 0, count);
            }
        } catch (SocketTimeoutException | java.net.SocketException gone) {
            return null;
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
