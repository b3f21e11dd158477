package dev.assetsdeploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/** Real special files for tests: FIFOs ({@code mkfifo}) and device nodes ({@code mknod}, root only). */
public final class TestFiles {

    private TestFiles() {}

    public static void mkfifo(Path path) throws IOException, InterruptedException {
        run("mkfifo", path.toString());
    }

    /** A device node like {@code /dev/null} ({@code c 1 3}); the test is skipped where only root may make one. */
    public static void mknod(Path path, String type, int major, int minor) throws IOException, InterruptedException {
        assumeTrue(
                run("mknod", path.toString(), type, Integer.toString(major), Integer.toString(minor)) == 0,
                "mknod needs root");
    }

    /** Neither a file, a folder nor a link: a FIFO, a device, a socket. */
    public static boolean isOther(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isOther();
    }

    public static String readString(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
