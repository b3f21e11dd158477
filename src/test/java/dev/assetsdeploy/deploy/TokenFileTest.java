package dev.assetsdeploy.deploy;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
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
        TokenFile.write(file, token);
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
                        + " (NoSuchFileException); write it with `assets-deploy upload DIR --token-out FILE`",
                () -> TokenFile.read(dir.resolve("missing"), NOW));
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
}
