package dev.assetsdeploy.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * How one build used the hash cache: its file ({@code null} when the cache was off, and {@code off}
 * says why), how many of the manifest's hashes it gave, and what went wrong with it. Its warnings
 * never fail a run: without the cache every file is simply hashed.
 */
public record HashCacheUse(Path file, String off, int hits, List<String> warnings) {

    public HashCacheUse {
        warnings = List.copyOf(warnings);
    }

    public static HashCacheUse off(String reason, List<String> warnings) {
        return new HashCacheUse(null, reason, 0, warnings);
    }
}
