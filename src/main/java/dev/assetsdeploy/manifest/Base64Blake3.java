package dev.assetsdeploy.manifest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The running form of wrangler's asset hash, {@code hex(BLAKE3(base64(bytes) + ext))[0:32]}:
 * a file's bytes go in chunk by chunk, each chunk's Base64 text is handed back (so a caller
 * can send it as well as hash it), and {@link #finish} adds the extension. Every chunk but
 * the last must be a multiple of 3 bytes long, so the chunks' texts join into the padded
 * Base64 text of the whole file.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public final class Base64Blake3 {

    private final Blake3Digest blake3 = new Blake3Digest();
    private final Base64.Encoder base64 = Base64.getEncoder();
    private final byte[] digest = new byte[32];

    /**
     * Encodes {@code raw[0, length)} into {@code encoded} (at least {@code 4 * ceil(length / 3)}
     * bytes), hashes that text and returns its length.
     */
    public int update(byte[] raw, int length, byte[] encoded) {
        // only a file's last chunk is short, so this copy happens at most once per file
        int n = base64.encode(length == raw.length ? raw : Arrays.copyOf(raw, length), encoded);
        blake3.update(encoded, 0, n);
        return n;
    }

    /** Forgets anything given since the last finish (after a read that failed half-way). */
    void reset() {
        blake3.reset();
    }

    /** Hashes Base64 text as it is. */
    void updateText(byte[] text) {
        blake3.update(text, 0, text.length);
    }

    /** The hash of everything given since the last finish, with the extension of {@code nameForExtension}; starts afresh. */
    public String finish(String nameForExtension) {
        byte[] ext = AssetHasher.extension(nameForExtension).getBytes(StandardCharsets.UTF_8);
        blake3.update(ext, 0, ext.length);
        blake3.finish(digest);
        blake3.reset();
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
