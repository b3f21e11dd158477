package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.IoReason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where {@code upload --token-out FILE} writes the completion token that {@link TokenFile#read} reads: a file,
 * replaced atomically with mode 600, or a stream written as it is: a FIFO, a character device, or a process's open
 * file such as {@code /dev/fd/3}, none of which may be replaced by a file. Our own stdout and stderr
 * ({@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}...) are written through the command's writers:
 * opening them again would write at an offset of its own, over what the command prints. Symbolic links are followed
 * and kept. {@code file} is the path as given, for messages; {@code target} what is written.
 */
public record TokenOut(Path file, Path target, Mode mode) {

    /** How the token is written. */
    public enum Mode {
        /** Replaced atomically with a file of mode 600. */
        FILE,
        /** Appended to as it is: a FIFO, a character device, another process's open file. */
        STREAM,
        /** The command's own stdout. */
        STDOUT,
        /** The command's own stderr. */
        STDERR
    }

    /** What a token file holds while its upload runs, and after one that failed: not a token, and says so. */
    static final String UNFINISHED = "assets-deploy: the upload that writes this file did not finish";

    /** {@code stat}'s file type bits, from the {@code unix:mode} attribute. */
    private static final int S_IFMT = 0170000;

    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int MAX_LINKS = 40;

    /**
     * Checks {@code file} before the upload: refused (invalid input) when it is a folder, a block device or a
     * socket, or when its folder does not exist or cannot be written. A file (or a missing one) gets
     * {@link #UNFINISHED} at once: that proves its folder writable, and a run that fails later leaves no older token
     * for a deploy to pick up. A stream gets nothing until the token is there.
     */
    public static TokenOut prepare(Path file) {
        String flag = "--token-out " + file + ": ";
        Path target = file.toAbsolutePath().normalize();
        try {
            for (int hops = 0; Files.isSymbolicLink(target) && !processFile(target); hops++) {
                if (hops == MAX_LINKS) {
                    throw AssetsDeployException.invalidInput(flag + "too many symbolic links");
                }
                target = target.resolveSibling(Files.readSymbolicLink(target)).normalize();
            }
            if (processFile(target)) {
                return stream(flag, file, target);
            }
            if (Files.isDirectory(target)) {
                throw AssetsDeployException.invalidInput(flag + "is a folder; name a file in it");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target)) {
                return special(flag, file, target);
            }
            if (!Files.isDirectory(target.getParent())) {
                throw AssetsDeployException.invalidInput(flag + "the folder " + target.getParent() + " does not exist");
            }
            replace(target, UNFINISHED);
            return new TokenOut(file, target, Mode.FILE);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput(flag + "cannot write it (" + IoReason.of(e) + ")", e);
        }
    }

    /** Writes {@code token} and a line end; to the command's {@code stdout} or {@code stderr} for those. */
    public void write(String token, PrintWriter stdout, PrintWriter stderr) {
        if (mode == Mode.STDOUT || mode == Mode.STDERR) {
            PrintWriter own = mode == Mode.STDOUT ? stdout : stderr;
            own.println(token);
            own.flush();
            return;
        }
        try {
            if (mode == Mode.FILE) {
                replace(target, token);
            } else {
                try (OutputStream out =
                        Files.newOutputStream(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                    out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot write --token-out " + file + ": " + IoReason.of(e), e);
        }
    }

    /** A process's open file ({@code /dev/stdout}, {@code /dev/fd/N}, {@code /proc/self/fd/N}), whatever it is. */
    private static boolean processFile(Path path) {
        return path.startsWith("/proc")
                || path.startsWith("/dev/fd")
                || path.equals(Path.of("/dev/stdout"))
                || path.equals(Path.of("/dev/stderr"));
    }

    private static TokenOut stream(String flag, Path file, Path target) {
        for (String fd : new String[] {"1", "2"}) {
            if (target.equals(Path.of("/dev/fd", fd))
                    || target.equals(Path.of("/proc/self/fd", fd))
                    || target.equals(Path.of(fd.equals("1") ? "/dev/stdout" : "/dev/stderr"))) {
                return new TokenOut(file, target, fd.equals("1") ? Mode.STDOUT : Mode.STDERR);
            }
        }
        if (!Files.isWritable(target)) {
            throw AssetsDeployException.invalidInput(flag + "cannot be written");
        }
        return new TokenOut(file, target, Mode.STREAM);
    }

    /** A FIFO or a character device is a stream; a block device or a socket is refused. */
    private static TokenOut special(String flag, Path file, Path target) throws IOException {
        int type;
        try {
            type = ((Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & S_IFMT;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return stream(flag, file, target);
        }
        if (type == S_IFIFO || type == S_IFCHR) {
            return stream(flag, file, target);
        }
        throw AssetsDeployException.invalidInput(flag + "is " + (type == S_IFBLK ? "a block device" : "a socket")
                + ", not a file, a FIFO or a character device");
    }

    /**
     * {@code text} and a line end into {@code target}: next to it with mode 600 from the start, then moved over it,
     * so there is no moment with a readable or half-written token.
     */
    private static void replace(Path target, String text) throws IOException {
        Path temp;
        try {
            temp = Files.createTempFile(
                    target.getParent(),
                    ".token-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            temp = Files.createTempFile(target.getParent(), ".token-", ".tmp");
        }
        try {
            Files.writeString(temp, text + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
