package dev.assetsdeploy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException;
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
        AssetsDeployException e = assertThrows(AssetsDeployException.class, () -> TokenFile.read(file, NOW));
        assertEquals(AssetsDeployException.Kind.INVALID_INPUT, e.kind());
        assertTrue(e.getMessage().contains("expired at 2026-01-01T11:59:59Z"), e.getMessage());
        assertFalse(e.getMessage().contains(token));
    }

    @Test
    void refusesMissingEmptyOrMalformedFiles(@TempDir Path dir) throws IOException {
        assertThrows(AssetsDeployException.class, () -> TokenFile.read(dir.resolve("missing"), NOW));
        assertThrows(AssetsDeployException.class, () -> TokenFile.read(Files.writeString(dir.resolve("empty"), "\n"), NOW));
        assertThrows(AssetsDeployException.class, () -> TokenFile.read(Files.writeString(dir.resolve("two"), "a\nb\n"), NOW));
        // Not a JWT we can read: passed on, the API is the judge.
        assertEquals(AssetsSource.token("opaque"), TokenFile.read(Files.writeString(dir.resolve("opaque"), "opaque"), NOW));
    }
}
