package com.contractledger.shared;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own error answers as problems: what it refuses before the application sees the request (a request line or
 * header it cannot parse or that is too large, a path that leaves the root or holds an encoded slash or NUL) gets a 4xx
 * {@code application/problem+json} instead of Tomcat's HTML page. A refusal that announced {@code Connection: close}
 * for a body it did not read (LedgerSecurity#writeProblem) ends the connection after the answer rather than reading the
 * rest (Tomcat would, to keep the connection), so a client that trickles a large body to a 401 holds no worker
 * thread.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        super.invoke(request, response);
        // only where the answer said so: a client that was not told would send its next request on a closed connection
        String connection = response.getHeader("Connection");
        if (response.getStatus() >= 400 && connection != null && connection.contains("close") && !request.isAsync()
                && hasUnreadBody(request)) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }

    private static boolean hasUnreadBody(Request request) {
        if (request.getContentLengthLong() <= 0 && request.getHeader("Transfer-Encoding") == null) {
            return false;
        }
        AtomicBoolean fullyRead = new AtomicBoolean();
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return !fullyRead.get();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as ErrorReportValve: only an error nobody has answered yet, on a connection that can still be written
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = detail(status);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                String type = ProblemType.forStatus(status).map(problemType -> problemType.uri().toString()).orElse("about:blank");
                writer.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone; there is no one left to answer
        }
    }

    /** What a problem for a bare status says: nothing of the server's insides. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request line or a header is malformed, refused or too large";
            case 408 -> "the request body did not arrive in time";
            default -> status >= 500 ? "the request could not be processed" : "the request was refused";
        };
    }
}
