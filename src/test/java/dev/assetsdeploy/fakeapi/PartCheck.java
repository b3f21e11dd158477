package dev.assetsdeploy.fakeapi;

import dev.assetsdeploy.manifest.AssetHasher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

/** The fake's check of one uploaded asset: Base64 or raw bytes, streamed, hashed with the reference BLAKE3. */
final class PartCheck {

    /** The standard Base64 alphabet, by byte (a table: this loop sees every byte of every upload). */
    private static final boolean[] ALPHABET = new boolean[256];

    static {
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            ALPHABET[c] = true;
        }
    }

    private PartCheck() {}

    /**
     * Reads one asset's bytes as they stream in, recomputes the hash from them and compares it.
     *
     * @return the problem, or {@code null} when the part is the asset the manifest announced
     */
    static String check(
            Map<String, String> pathByHash,
            Map<String, Long> sizeByHash,
            String hash,
            String contentType,
            InputStream in,
            boolean base64)
            throws IOException {
        String path = pathByHash.get(hash);
        if (path == null) {
            return "hash " + hash + " is not in this session's manifest";
        }
        if (contentType == null || contentType.isEmpty()) {
            return "part " + hash + " has no Content-Type (unknown types are sent as application/null)";
        }
        long expectedSize = sizeByHash.get(hash);
        Blake3 hasher = Blake3.initHash();
        byte[] buf = new byte[base64 ? 64 * 1024 : 48 * 1024];
        long textLength = 0;
        long rawSize = 0;
        int padding = 0;
        byte[] tail = new byte[0];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (base64) {
                for (int i = 0; i < n; i++) {
                    int c = buf[i] & 0xff;
                    if (ALPHABET[c] && padding == 0) {
                        continue;
                    }
                    if (c == '=') {
                        padding++;
                    } else {
                        return "part " + hash + " is not standard padded Base64";
                    }
                }
                hasher.update(buf, 0, n);
                textLength += n;
            } else {
                // Raw bytes: hash their Base64 text, encoding in multiples of 3.
                byte[] joined = new byte[tail.length + n];
                System.arraycopy(tail, 0, joined, 0, tail.length);
                System.arraycopy(buf, 0, joined, tail.length, n);
                int whole = joined.length / 3 * 3;
                hasher.update(Base64.getEncoder().encode(java.util.Arrays.copyOf(joined, whole)));
                tail = java.util.Arrays.copyOfRange(joined, whole, joined.length);
                rawSize += n;
            }
        }
        if (base64) {
            if (textLength % 4 != 0 || padding > 2) {
                return "part " + hash + " is not standard padded Base64";
            }
            rawSize = textLength / 4 * 3 - padding;
        } else if (tail.length > 0) {
            hasher.update(Base64.getEncoder().encode(tail));
        }
        if (rawSize != expectedSize) {
            return "part " + hash + " (" + path + ") has " + rawSize + " bytes; the manifest says " + expectedSize;
        }
        hasher.update(AssetHasher.extension(path).getBytes(StandardCharsets.UTF_8));
        byte[] digest = new byte[32];
        hasher.doFinalize(digest);
        String actual = Hex.encodeHexString(digest).substring(0, 32);
        return actual.equals(hash) ? null : "part " + hash + " (" + path + ") hashes to " + actual;
    }
}
