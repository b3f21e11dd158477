package dev.assetsdeploy.manifest;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One asset: its manifest key ({@code /} + relative path), the wrangler hash of its bytes,
 * its size, its content type ({@code null} when the extension is unknown) and the file to
 * read it from (for a followed symlink, the link's path; reading follows it).
 *
 * <p>{@code stamp}: the file's {@link FileStamp} when this run hashed it, if it is old enough to vouch
 * for the bytes (both its times before the run began, by more than the filesystem's tick, as the hash
 * cache trusts a stamp); {@code null} otherwise: without the hash cache, and for a hash the cache gave
 * (an earlier run's, which an upload checks again). A later write gives the file another change time,
 * so while it still has that stamp its bytes are the hashed ones.
 */
public record ManifestEntry(String path, String hash, long size, String contentType, Path file, FileStamp stamp) {

    /** An entry without a stamp: an upload hashes its bytes again to know them unchanged. */
    public ManifestEntry(String path, String hash, long size, String contentType, Path file) {
        this(path, hash, size, contentType, file, null);
    }

    /** The content type as sent on the wire: unknown types are the literal {@code application/null}. */
    public String wireContentType() {
        return contentType == null ? ContentTypes.NULL_TYPE : contentType;
    }

    /** Whether {@code real} (the file, links resolved) still has the stamp (one stat; false without a stamp). */
    public boolean stillAsHashed(Path real) throws IOException {
        return stamp != null && stamp.equals(FileStamp.read(real));
    }
}
