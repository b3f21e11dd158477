package dev.assetsdeploy.upload;

import dev.assetsdeploy.manifest.ManifestEntry;
import java.util.List;

/**
 * One request's worth of files, as the API grouped them: number {@code index} of {@code count}
 * in upload session {@code session} (1 for the first, +1 per renewal). In single-file mode
 * ({@code singleFile}) each bucket is one file, sent as its own request.
 */
public record Bucket(int index, int count, int session, boolean singleFile, List<ManifestEntry> entries) {

    public Bucket {
        entries = List.copyOf(entries);
    }

    public long bytes() {
        return entries.stream().mapToLong(ManifestEntry::size).sum();
    }

    /** "upload bucket 3/7", or "upload file /a.css" in single-file mode. */
    public String step() {
        return singleFile ? "upload file " + entries.get(0).path() : "upload bucket " + index + "/" + count;
    }

    /** "/a.html, /b.css, /c.js (+9 more)". */
    public String describeFiles(int shown) {
        List<String> paths = entries.stream().map(ManifestEntry::path).toList();
        String head = String.join(", ", paths.subList(0, Math.min(shown, paths.size())));
        return paths.size() > shown ? head + " (+" + (paths.size() - shown) + " more)" : head;
    }
}
