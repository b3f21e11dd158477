package dev.assetsdeploy.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

/**
 * wrangler's asset hash: {@code hex(BLAKE3(base64(bytes) + ext))[0:32]}. The file is read in
 * chunks whose size is a multiple of 3, so each chunk Base64-encodes to a whole run of the
 * padded text and only the last one carries padding: no whole file, and no whole Base64
 * text, is ever held.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its buffers).
 */
public final class AssetHasher {

    private static final int CHUNK = 3 * 64 * 1024;

    private final byte[] raw = new byte[CHUNK];
    private final byte[] encoded = new byte[CHUNK / 3 * 4];
    private final byte[] digest = new byte[32];
    private final Base64.Encoder base64 = Base64.getEncoder();

    /** A file's hash and the number of bytes it was computed over. */
    public record Hashed(String hash, long size) {
    }

    /** The hash of a file's bytes with the extension of {@code nameForExtension}. */
    public Hashed hash(Path file, String nameForExtension) throws IOException {
        Blake3 hasher = Blake3.initHash();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int filled;
            while ((filled = in.readNBytes(raw, 0, CHUNK)) > 0) {
                size += filled;
                byte[] chunk = filled == CHUNK ? raw : Arrays.copyOf(raw, filled);
                hasher.update(encoded, 0, base64.encode(chunk, encoded));
                if (filled < CHUNK) {
                    break;
                }
            }
        }
        return new Hashed(finish(hasher, nameForExtension), size);
    }

    /** The hash of bytes in memory (tests, and the doc's vectors). */
    public static String hash(byte[] bytes, String nameForExtension) {
        Blake3 hasher = Blake3.initHash();
        hasher.update(Base64.getEncoder().encode(bytes));
        return new AssetHasher().finish(hasher, nameForExtension);
    }

    private String finish(Blake3 hasher, String nameForExtension) {
        hasher.update(extension(nameForExtension).getBytes(StandardCharsets.UTF_8));
        hasher.doFinalize(digest);
        return Hex.encodeHexString(digest).substring(0, 32);
    }

    /** Node's {@code path.extname(name)} without its dot: {@code a.tar.gz} → {@code gz}, {@code .htaccess} → "". */
    public static String extension(String name) {
        int startDot = -1;
        int end = -1;
        int preDotState = 0;
        int startPart = name.lastIndexOf('/') + 1;
        for (int i = name.length() - 1; i >= startPart; --i) {
            char c = name.charAt(i);
            if (end == -1) {
                end = i + 1;
            }
            if (c == '.') {
                if (startDot == -1) {
                    startDot = i;
                } else if (preDotState != 1) {
                    preDotState = 1;
                }
            } else if (startDot != -1) {
                preDotState = -1;
            }
        }
        if (startDot == -1 || end == -1 || preDotState == 0
                || (preDotState == 1 && startDot == end - 1 && startDot == startPart + 1)) {
            return "";
        }
        return name.substring(startDot + 1, end);
    }
}
