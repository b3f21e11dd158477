package dev.assetsdeploy.manifest;

import java.nio.charset.StandardCharsets;
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

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);

    /**
     * Encodes {@code raw[0, length)} into {@code encoded} (at least {@code 4 * ceil(length / 3)}
     * bytes), hashes that text and returns its length.
     */
    public int update(byte[] raw, int length, byte[] encoded) {
        // The JDK's encoder (a vectorised intrinsic) takes whole arrays only; the short last chunk of
        // a file is encoded here rather than copied into an array of its own length.
        int n = encodeOnly(raw, length, encoded);
        blake3.update(encoded, 0, n);
        return n;
    }

    /** {@link #update} without the hashing: for bytes known unchanged by other means. */
    public int encodeOnly(byte[] raw, int length, byte[] encoded) {
        return length == raw.length ? base64.encode(raw, encoded) : encode(raw, length, encoded);
    }

    /** Padded standard Base64 of {@code raw[0, length)} into {@code encoded}; returns its length. */
    private static int encode(byte[] raw, int length, byte[] encoded) {
        int whole = length - length % 3;
        int out = 0;
        for (int i = 0; i < whole; i += 3) {
            int bits = (raw[i] & 0xff) << 16 | (raw[i + 1] & 0xff) << 8 | (raw[i + 2] & 0xff);
            encoded[out] = ALPHABET[bits >>> 18];
            encoded[out + 1] = ALPHABET[(bits >>> 12) & 0x3f];
            encoded[out + 2] = ALPHABET[(bits >>> 6) & 0x3f];
            encoded[out + 3] = ALPHABET[bits & 0x3f];
            out += 4;
        }
        if (whole < length) {
            int b0 = raw[whole] & 0xff;
            boolean two = length - whole == 2;
            int b1 = two ? raw[whole + 1] & 0xff : 0;
            encoded[out] = ALPHABET[b0 >>> 2];
            encoded[out + 1] = ALPHABET[(b0 << 4 | b1 >>> 4) & 0x3f];
            encoded[out + 2] = two ? ALPHABET[(b1 << 2) & 0x3f] : (byte) '=';
            encoded[out + 3] = '=';
            out += 4;
        }
        return out;
    }

    /** Forgets anything given since the last finish (after a read that failed half-way). */
    public void reset() {
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
