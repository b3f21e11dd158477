package dev.assetsdeploy.upload;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.IoReason;
import dev.assetsdeploy.api.MultipartBody;
import dev.assetsdeploy.manifest.Base64Blake3;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * One asset's bytes on the wire, read from disk while they are sent: either the padded
 * Base64 text (bucket uploads) or the raw bytes (single-file mode). The length is known up
 * front from the manifest size. While sending, the bytes are counted, and hashed again unless the
 * entry has a stamp that vouches for them (then the file must still have it once read, one stat
 * instead of hashing the Base64 text again: about a sixth of a cold deploy's CPU); a file whose size,
 * stamp or hash no longer matches the manifest fails with {@link FileChangedException} before the
 * request completes, so the server never accepts it.
 */
final class AssetContent implements MultipartBody.Content {

    /** A multiple of 3, so each chunk encodes to whole Base64 quads and only the last one pads. */
    private static final int CHUNK = 3 * 16 * 1024;

    /**
     * One sending thread's chunk, its Base64 text and the running hash, reused for every file it
     * sends: a bucket of thousands of small files would otherwise allocate them for each file.
     */
    static final class Buffers {
        final byte[] raw = new byte[CHUNK];
        final byte[] encoded = new byte[CHUNK / 3 * 4];
        final Base64Blake3 hash = new Base64Blake3();
    }

    private final ManifestEntry entry;
    private final boolean base64;
    private final Supplier<Buffers> buffers;
    private final LongConsumer sent;

    /** {@code buffers} gives the calling thread's own buffers (it is asked on the thread that writes). */
    AssetContent(ManifestEntry entry, boolean base64, Supplier<Buffers> buffers, LongConsumer sent) {
        this.entry = entry;
        this.base64 = base64;
        this.buffers = buffers;
        this.sent = sent;
    }

    /** An operation on the asset's file (open, resolve, stat). */
    private interface FileStep<T> {
        T run() throws IOException;
    }

    /**
     * A file that cannot be read is the user's to fix, not a network failure to retry: {@code step}'s
     * errors leave as {@link AssetsDeployException}s (a file gone as a changed file), while errors
     * writing to {@code out} stay IOExceptions (retried).
     */
    private <T> T onFile(FileStep<T> step) {
        try {
            return step.run();
        } catch (NoSuchFileException e) {
            throw new FileChangedException(entry, "it was deleted");
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private int read(InputStream in, byte[] buffer, int length) {
        try {
            return in.readNBytes(buffer, 0, length);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private AssetsDeployException unreadable(IOException e) {
        return AssetsDeployException.invalidInput(
                "cannot read " + entry.path() + " (" + entry.file() + "): "
                        + IoReason.of(e)
                        + "; fix it and run again (nothing inconsistent was deployed)",
                e);
    }

    @Override
    public long length() {
        return base64 ? 4 * ((entry.size() + 2) / 3) : entry.size();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        Buffers own = buffers.get();
        Base64Blake3 hash = own.hash;
        byte[] raw = own.raw;
        byte[] encoded = own.encoded;
        hash.reset(); // a write that failed half-way left its part in the hash
        boolean vouched = entry.stamp() != null;
        // Links resolved once for a stamped entry: the stat after reading must see the file that was read,
        // not whatever a link on its path points to by then.
        Path file = vouched ? onFile(() -> entry.file().toRealPath()) : entry.file();
        long left = entry.size();
        try (InputStream in = onFile(() -> Files.newInputStream(file))) {
            while (left > 0) {
                int want = (int) Math.min(CHUNK, left);
                int got = read(in, raw, want);
                if (got < want) {
                    throw new FileChangedException(
                            entry, "it is now shorter than the " + entry.size() + " bytes hashed");
                }
                left -= got;
                if (base64) {
                    out.write(
                            encoded, 0, vouched ? hash.encodeOnly(raw, got, encoded) : hash.update(raw, got, encoded));
                } else {
                    if (!vouched) {
                        hash.update(raw, got, encoded);
                    }
                    out.write(raw, 0, got);
                }
                sent.accept(got);
            }
            if (read(in, raw, 1) > 0) {
                throw new FileChangedException(entry, "it is now longer than the " + entry.size() + " bytes hashed");
            }
        }
        if (vouched) {
            if (!onFile(() -> entry.stillAsHashed(file))) {
                throw new FileChangedException(
                        entry, "its size, times or inode changed after it was hashed: written to, touched or replaced");
            }
        } else if (!hash.finish(entry.path()).equals(entry.hash())) {
            throw new FileChangedException(entry, "its content no longer matches the hash taken at the start");
        }
    }
}
