package com.contractledger.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The launch {@code docker/Dockerfile} ships: the jar unpacked by Spring Boot's jar tools and a class-data sharing
 * archive recorded by one training run that stops once the application context is refreshed, on a scratch data
 * directory. The JVM then maps the archived classes at start instead of loading them.
 */
final class ClassDataSharing {

    private ClassDataSharing() {
    }

    /** Unpacks {@code jar} under {@code dir}, trains the archive there; the options to start it with. */
    static LedgerServer.Launch prepare(Path jar, Path dir) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.createDirectories(dir);
        run(dir.resolve("extract.log"), java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", dir.resolve("app").toString());
        Path unpacked = dir.resolve("app").resolve(jar.getFileName());
        Path archive = dir.resolve("app").resolve("ledger-app.jsa");
        Path training = Files.createDirectories(dir.resolve("training"));
        run(dir.resolve("training.log"), java.toString(), "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh", "-jar", unpacked.toString(), "--server.port=0",
                "--ledger.data-dir=" + training, "--logging.level.root=WARN");
        if (!Files.exists(archive)) {
            throw new IllegalStateException("the training run made no archive; see " + dir.resolve("training.log"));
        }
        return new LedgerServer.Launch(unpacked, List.of("-XX:SharedArchiveFile=" + archive));
    }

    private static void run(Path log, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
        }
    }
}
