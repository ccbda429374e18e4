package com.contractledger.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * What signing in costs: commands/s and reads/s with a few clients, the application started once per way of signing in
 * — the demo users ({noop} passwords), a {bcrypt} user at cost 10 checked on every request, the same user with the
 * successful check remembered (the default), and bearer JWTs signed by a key the bench holds, its JWK set served by the
 * bench on loopback. Every client sends the same credentials on every request, as a program does. The four
 * applications run side by side and are measured in turns.
 */
final class SignInBench {

    interface Figure {
        void add(String label, double value, String unit, String key);
    }

    interface Target {
        void add(String label, double value, double threshold, boolean atLeast);
    }

    record Rates(double commandsPerSecond, double readsPerSecond) {
    }

    /** One way of signing in: the application's arguments, and the Authorization header every request carries. */
    private record Mode(String name, String key, String authorization, List<String> args) {
    }

    private static final String PASSWORD = "bench sign-in secret";
    private static final String AUDIENCE = "contract-ledger";
    private static final String ISSUER = "https://sso.bench.example/realms/contract-ledger";

    private final Path jar;
    private final Path work;
    private final int clients = Integer.getInteger("bench.signInClients", 4);
    private final int commands = Integer.getInteger("bench.signInCommands", 400);
    private final int reads = Integer.getInteger("bench.signInReads", 2_000);
    private final int rounds = Integer.getInteger("bench.signInRounds", 4);

    SignInBench(Path jar, Path work) {
        this.jar = jar;
        this.work = work;
    }

    void run(Figure figure, Target target) throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(10).encode(PASSWORD);
        List<String> bcryptUser = List.of("--ledger.security.users[0].name=bench-buyer",
                "--ledger.security.users[0].password=" + hash, "--ledger.security.users[0].roles=BUYER");
        List<String> checkedEveryTime = new ArrayList<>(bcryptUser);
        checkedEveryTime.add("--ledger.security.remember-verification=0");
        String bcrypt = LedgerServer.basic("bench-buyer", PASSWORD);
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").generate();
        HttpServer provider = jwkSet(key);
        List<Mode> modes = List.of(
                new Mode("demo users", "signInDemo", LedgerServer.basic("buyer", "demo"), List.of()),
                new Mode("bcrypt user (cost 10), checked every request", "signInBcryptChecked", bcrypt,
                        checkedEveryTime),
                new Mode("bcrypt user (cost 10), check remembered", "signInBcryptRemembered", bcrypt, bcryptUser),
                new Mode("bearer JWT (RS256, JWK set over loopback)", "signInTokens", "Bearer " + token(key), List.of(
                        "--ledger.oidc.issuer-uri=" + ISSUER, "--ledger.oidc.audience=" + AUDIENCE,
                        "--ledger.oidc.jwk-set-uri=http://127.0.0.1:" + provider.getAddress().getPort() + "/certs")));
        List<LedgerServer> servers = new ArrayList<>();
        try {
            for (Mode mode : modes) {
                Progress.phase("sign-in", mode.name() + ": starting the application, warming up");
                LedgerServer server = LedgerServer.start(jar, work.resolve("sign-in-" + mode.key()),
                        work.resolve("sign-in-" + mode.key() + ".log"), mode.args().toArray(String[]::new));
                servers.add(server);
                Workers.run(clients, warmUp(), (client, i) -> onboard(server, mode.authorization(), "warm-" + i, i));
                Workers.run(clients, warmUp(), (client, i) -> read(server, mode.authorization(), "warm-" + i));
            }
            // In rounds, each application in turn, so that what else runs on the machine weighs on all alike.
            int commandsPerRound = commands / rounds;
            int readsPerRound = reads / rounds;
            long[] commandNanos = new long[modes.size()];
            long[] readNanos = new long[modes.size()];
            for (int round = 0; round < rounds; round++) {
                for (int m = 0; m < modes.size(); m++) {
                    Mode mode = modes.get(m);
                    LedgerServer server = servers.get(m);
                    Progress.phase("sign-in", "round " + (round + 1) + "/" + rounds + ", " + mode.name() + ": "
                            + commandsPerRound + " commands, " + readsPerRound + " reads, " + clients + " clients");
                    String prefix = "sup-" + round + "-";
                    long started = System.nanoTime();
                    Workers.run(clients, commandsPerRound, (client, i) -> onboard(server, mode.authorization(),
                            prefix + i, i));
                    commandNanos[m] += System.nanoTime() - started;
                    started = System.nanoTime();
                    Workers.run(clients, readsPerRound, (client, i) -> read(server, mode.authorization(),
                            "warm-" + i % warmUp()));
                    readNanos[m] += System.nanoTime() - started;
                }
            }
            List<Rates> rates = new ArrayList<>();
            for (int m = 0; m < modes.size(); m++) {
                Rates each = new Rates(commandsPerRound * rounds / (commandNanos[m] / 1e9),
                        readsPerRound * rounds / (readNanos[m] / 1e9));
                rates.add(each);
                String label = modes.get(m).name() + ", " + clients + " clients";
                figure.add("commands, " + label, each.commandsPerSecond(), "commands/s",
                        modes.get(m).key() + "CommandsPerSecond");
                figure.add("reads, " + label, each.readsPerSecond(), "reads/s", modes.get(m).key() + "ReadsPerSecond");
            }
            Rates demo = rates.get(0);
            Rates remembered = rates.get(2);
            target.add("commands/s: bcrypt (remembered) / demo users",
                    remembered.commandsPerSecond() / demo.commandsPerSecond(), 0.9, true);
            target.add("reads/s: bcrypt (remembered) / demo users",
                    remembered.readsPerSecond() / demo.readsPerSecond(), 0.9, true);
        } finally {
            for (LedgerServer server : servers) {
                server.close();
            }
            provider.stop(0);
        }
    }

    private int warmUp() {
        return Math.max(clients, commands / 10);
    }

    private static void onboard(LedgerServer server, String authorization, String supplierId, int index) {
        expect(server.postWith(authorization, "/api/suppliers", Workload.supplier(supplierId, index)), 201);
    }

    /** A supplier's profile; 404 while its view is not written yet still went through sign-in and the read side. */
    private static void read(LedgerServer server, String authorization, String supplierId) {
        LedgerServer.Reply reply = server.getWith(authorization, "/api/suppliers/" + supplierId);
        if (reply.status() != 200 && reply.status() != 404) {
            throw new IllegalStateException("read: " + reply.status() + " " + reply.body());
        }
    }

    private static void expect(LedgerServer.Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }

    /** The provider's part: its public key as a JWK set over loopback. */
    private static HttpServer jwkSet(RSAKey key) throws Exception {
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            try (exchange) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
            }
        });
        server.start();
        return server;
    }

    /** A BUYER's access token as Keycloak issues one, valid for longer than the phase runs. */
    private static String token(RSAKey key) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("bench-program")
                .claim("preferred_username", "service-account-bench")
                .claim("realm_access", Map.of("roles", List.of("BUYER")))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
