package dev.assetsdeploy.manifest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small helpers for building asset folders. */
public final class Fixtures {

    private Fixtures() {}

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
