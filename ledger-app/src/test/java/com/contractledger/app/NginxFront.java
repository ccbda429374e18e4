package com.contractledger.app;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The front as a child process: Debian's nginx ({@code /usr/sbin/nginx}), run as the test's user in a directory of the
 * test's, with docker/front/ledger-front.conf, the routing file the compose files mount, and addresses of the test's
 * (a free loopback port for the front, the services' ports). Registered on a test class ({@link Required}), it skips
 * the tests with the reason when nginx is not installed — unless {@code CI} is set: under CI they must run, so they
 * fail.
 */
final class NginxFront implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    static final Path ROUTES = Path.of("..", "docker", "front", "ledger-front.conf").toAbsolutePath().normalize();
    private static final String ADVICE = "no nginx at " + BINARY + ". Install Debian's package with `sudo .ci/nginx` "
            + "(it starts no nginx service; the tests run their own on a loopback port).";

    private final Process process;
    private final Path dir;
    private final int port;

    private NginxFront(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The front on a free loopback port before the services at {@code commandSide} and {@code querySide} (host:port). */
    static NginxFront start(Path dir, String commandSide, String querySide) throws IOException, InterruptedException {
        requireInstalled();
        Files.createDirectories(dir);
        int port = ServiceProcess.freePort();
        Files.writeString(dir.resolve("ledger-front-addresses.conf"), """
                listen 127.0.0.1:%d;
                set $ledger_command_side %s;
                set $ledger_query_side %s;
                """.formatted(port, commandSide, querySide));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, mainConfiguration(dir));
        List<String> options = List.of("-e", dir.resolve("error.log").toString(), "-p", dir + "/", "-c", conf.toString());

        Process check = command(options, "-t").redirectOutput(dir.resolve("nginx-t.log").toFile()).start();
        if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
            throw new IllegalStateException("nginx -t refuses the front's configuration:\n"
                    + Files.readString(dir.resolve("nginx-t.log")));
        }
        Process process = command(options, "-g", "daemon off;").redirectOutput(dir.resolve("nginx.log").toFile())
                .start();
        NginxFront front = new NginxFront(process, dir, port);
        try {
            front.awaitListening();
        } catch (AssertionError e) {
            front.close();
            throw e;
        }
        return front;
    }

    /**
     * Every path in {@code dir}: Debian's build puts its temporary files under /var/lib/nginx. One process, no workers:
     * it is the test's child alone, and a master started as root would hand its workers to a user who may not enter the
     * test's directory.
     */
    private static String mainConfiguration(Path dir) {
        return """
                master_process off;
                pid "%1$s/nginx.pid";
                error_log "%1$s/error.log" info;
                events {
                    worker_connections 256;
                }
                http {
                    access_log "%1$s/access.log";
                    client_body_temp_path "%1$s/client_body";
                    proxy_temp_path "%1$s/proxy";
                    fastcgi_temp_path "%1$s/fastcgi";
                    uwsgi_temp_path "%1$s/uwsgi";
                    scgi_temp_path "%1$s/scgi";
                    include "%2$s";
                }
                """.formatted(dir, ROUTES);
    }

    private static ProcessBuilder command(List<String> options, String... more) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        command.addAll(options);
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Fails when nginx is not installed ({@link Required} lets the tests run without it only when CI is set). */
    static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("The tests of the front must run, but there is " + ADVICE);
        }
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx does not listen on " + port + "; its log ends with:\n" + logTail());
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("error.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Skips a test class when nginx is not installed, unless CI is set. */
    static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(BINARY)) {
                return ConditionEvaluationResult.enabled("nginx at " + BINARY);
            }
            if (System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("CI is set: the tests of the front must run");
            }
            String reason = "tests of the front skipped: " + ADVICE;
            System.err.println(context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
