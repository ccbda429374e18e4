package com.contractledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The embedded default keeps events, read models and keys in {@code ledger.data-dir}: before anything opens a file
 * there, the directory is made readable by its owner only (0700, its files 0600), so other users of the machine can
 * neither read nor change the stores.
 */
public class PrivateDataDirectory implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("ledger.data-dir");
        if (dataDir == null || !environment.getProperty("ledger.embedded-mongo.enabled", Boolean.class, false)
                || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        restrict(Path.of(dataDir));
    }

    static void restrict(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(dataDir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + dataDir + " private", e);
        }
    }
}
