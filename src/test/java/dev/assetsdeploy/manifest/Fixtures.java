package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures wrangler produced, and small helpers for building asset folders. */
public final class Fixtures {

    private Fixtures() {
    }

    /** {@code ../shared/fixtures} beside the project (CI lays it there); {@code -Dassetsdeploy.shared=DIR} overrides. */
    public static Path sharedFixtures() {
        Path shared = Path.of(System.getProperty("assetsdeploy.shared", "../shared")).resolve("fixtures");
        assertTrue(Files.isDirectory(shared), "the shared fixtures are not at " + shared.toAbsolutePath()
                + ": lay shared/ beside the project, or run with -Dassetsdeploy.shared=DIR");
        return shared;
    }

    public static Path write(Path root, String relative, String text) throws IOException {
        return write(root, relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path root, String relative, byte[] bytes) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A sparse file of {@code size} zero bytes: big on paper, nothing on disk. */
    public static Path sparse(Path root, String relative, long size) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }
}
