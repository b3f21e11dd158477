package dev.assetsdeploy.deploy;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.TestFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {

    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static String jwt(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void readsTheTokenWithoutItsLineEnd(@TempDir Path dir) throws IOException {
        String token = jwt(NOW.getEpochSecond() + 600);
        Path file = Files.writeString(dir.resolve("token"), token + "\n");
        assertEquals(AssetsSource.token(token), TokenFile.read(file, NOW));
    }

    @Test
    void whatWriteWritesReadReads(@TempDir Path dir) throws IOException {
        String token = jwt(NOW.getEpochSecond() + 600);
        Path file = Files.writeString(dir.resolve("token"), "an older token\n");
        TokenOut out = TokenOut.prepare(file);
        assertFails(
                Kind.INVALID_INPUT,
                "--assets-token-file " + file + ": the upload that writes it did not finish;"
                        + " run `assets-deploy upload DIR --token-out FILE` again (it only sends what is missing)",
                () -> TokenFile.read(file, NOW));
        out.write(token, null, null);
        assertEquals(token + "\n", Files.readString(file));
        assertEquals(AssetsSource.token(token), TokenFile.read(file, NOW));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left beside it");
        }
    }

    @Test
    void refusesAnExpiredTokenWithoutShowingIt(@TempDir Path dir) throws IOException {
        String token = jwt(NOW.getEpochSecond() - 1);
        Path file = Files.writeString(dir.resolve("token"), token);
        AssetsDeployException e = assertFails(
                Kind.INVALID_INPUT,
                "--assets-token-file " + file + ": the completion token"
                        + " expired at 2026-01-01T11:59:59Z; run `assets-deploy upload` again (it only sends what is missing)",
                () -> TokenFile.read(file, NOW));
        assertFalse(e.getMessage().contains(token));
    }

    @Test
    void refusesMissingEmptyOrMalformedFiles(@TempDir Path dir) throws IOException {
        assertFails(
                Kind.INVALID_INPUT,
                "--assets-token-file " + dir.resolve("missing") + ": cannot read it"
                        + " (no such file or folder); write it with `assets-deploy upload DIR --token-out FILE`",
                () -> TokenFile.read(dir.resolve("missing"), NOW));
        assertFails(
                Kind.INVALID_INPUT,
                "--assets-token-file " + dir + ": cannot read it (it is a folder); write it with"
                        + " `assets-deploy upload DIR --token-out FILE`",
                () -> TokenFile.read(dir, NOW));
        for (String[] file : new String[][] {{"empty", "\n"}, {"two", "a\nb\n"}}) {
            Path path = Files.writeString(dir.resolve(file[0]), file[1]);
            assertFails(
                    Kind.INVALID_INPUT,
                    "--assets-token-file " + path + ": expected one completion token"
                            + " (as written by `assets-deploy upload --token-out`)",
                    () -> TokenFile.read(path, NOW));
        }
        // Not a JWT we can read: passed on, the API is the judge.
        assertEquals(
                AssetsSource.token("opaque"), TokenFile.read(Files.writeString(dir.resolve("opaque"), "opaque"), NOW));
    }

    @Test
    void tokenOutRefusesABlockDeviceAndASocketBeforeTheUpload(@TempDir Path dir) throws Exception {
        Path loop = dir.resolve("loop0");
        TestFiles.mknod(loop, "b", 7, 0);
        assertFails(
                Kind.INVALID_INPUT,
                "--token-out " + loop + ": is a block device, not a file, a FIFO or a character device",
                () -> TokenOut.prepare(loop));
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertFails(
                    Kind.INVALID_INPUT,
                    "--token-out " + socket + ": is a socket, not a file, a FIFO or a character device",
                    () -> TokenOut.prepare(socket));
        }
    }

    @Test
    void tokenOutToOurStdoutOrStderrGoesThroughTheCommandsWriters(@TempDir Path dir) throws IOException {
        Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), Path.of("/proc/self/fd/1"));
        TokenOut out = TokenOut.prepare(stdout);
        assertEquals(new TokenOut(stdout, Path.of("/proc/self/fd/1"), TokenOut.Mode.STDOUT), out);
        StringWriter text = new StringWriter();
        out.write("tok", new PrintWriter(text), null);
        assertEquals("tok" + System.lineSeparator(), text.toString());
        assertEquals(
                TokenOut.Mode.STDOUT, TokenOut.prepare(Path.of("/dev/stdout")).mode());
        assertEquals(
                TokenOut.Mode.STDERR, TokenOut.prepare(Path.of("/dev/fd/2")).mode());
        assertEquals(
                TokenOut.Mode.STREAM, TokenOut.prepare(Path.of("/dev/null")).mode());
    }
}
