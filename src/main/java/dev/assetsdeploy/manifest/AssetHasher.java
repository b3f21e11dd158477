package dev.assetsdeploy.manifest;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Base64;

/**
 * wrangler's asset hash of a file on disk (see {@link Base64Blake3}). The file is read in
 * chunks whose size is a multiple of 3, so no whole file, and no whole Base64 text, is ever held.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its buffers).
 */
public final class AssetHasher {

    private static final int CHUNK = 3 * 32 * 1024;

    private final byte[] raw = new byte[CHUNK];
    private final byte[] encoded = new byte[CHUNK / 3 * 4];
    private final Base64Blake3 hash = new Base64Blake3();

    /** A file's hash and the number of bytes it was computed over. */
    public record Hashed(String hash, long size) {}

    /**
     * The hash of a file's bytes with the extension of {@code nameForExtension}. Reads as Node's
     * {@code readFileSync} does for wrangler: {@code size} bytes (the size the walk saw), or up
     * to the end when that size is 0 (files under /proc announce 0). This also spares a read
     * that would only find the end of the file.
     */
    public Hashed hash(Path file, String nameForExtension, long size) throws IOException {
        hash.reset();
        long limit = size == 0 ? Long.MAX_VALUE : size;
        long read = 0;
        // RandomAccessFile: the shortest road from read(2) to a byte[] (fewer layers to compile).
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            while (read < limit) {
                int filled = readFully(in, (int) Math.min(CHUNK, limit - read));
                if (filled == 0) {
                    break;
                }
                read += filled;
                hash.update(raw, filled, encoded);
                if (filled < CHUNK && size == 0) {
                    break;
                }
            }
        }
        return new Hashed(hash.finish(nameForExtension), read);
    }

    /** Fills {@code raw} with up to {@code length} bytes; fewer only at the end of the file. */
    private int readFully(RandomAccessFile in, int length) throws IOException {
        int filled = 0;
        while (filled < length) {
            int n = in.read(raw, filled, length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    /** The hash of bytes in memory (tests, and the doc's vectors). */
    public static String hash(byte[] bytes, String nameForExtension) {
        Base64Blake3 hash = new Base64Blake3();
        hash.updateText(Base64.getEncoder().encode(bytes));
        return hash.finish(nameForExtension);
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
        if (startDot == -1
                || end == -1
                || preDotState == 0
                || (preDotState == 1 && startDot == end - 1 && startDot == startPart + 1)) {
            return "";
        }
        return name.substring(startDot + 1, end);
    }
}
