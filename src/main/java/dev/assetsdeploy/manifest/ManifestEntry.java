package dev.assetsdeploy.manifest;

import java.nio.file.Path;

/**
 * One asset: its manifest key ({@code /} + relative path), the wrangler hash of its bytes,
 * its size, its content type ({@code null} when the extension is unknown) and the file to
 * read it from (for a followed symlink, the link's path; reading follows it).
 */
public record ManifestEntry(String path, String hash, long size, String contentType, Path file) {

    /** The content type as sent on the wire: unknown types are the literal {@code application/null}. */
    public String wireContentType() {
        return contentType == null ? ContentTypes.NULL_TYPE : contentType;
    }
}
