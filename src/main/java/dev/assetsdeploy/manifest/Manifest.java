package dev.assetsdeploy.manifest;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a folder will publish: its entries sorted by path, what was left out and why, and
 * warnings; and how the hash cache served the build. Immutable.
 */
public record Manifest(
        Path root,
        List<ManifestEntry> entries,
        List<IgnoredFile> ignored,
        List<ManifestWarning> warnings,
        HashCacheUse cache) {

    public Manifest {
        entries = List.copyOf(entries);
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }

    public int fileCount() {
        return entries.size();
    }

    public long totalBytes() {
        return entries.stream().mapToLong(ManifestEntry::size).sum();
    }

    /** The entries by path, in path order. */
    public Map<String, ManifestEntry> byPath() {
        Map<String, ManifestEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path(), e));
        return map;
    }

    /** One entry holding each hash (two files with the same bytes and extension share a hash). */
    public Map<String, ManifestEntry> byHash() {
        Map<String, ManifestEntry> map = new LinkedHashMap<>();
        entries.forEach(e -> map.putIfAbsent(e.hash(), e));
        return map;
    }

    public Optional<ManifestEntry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** The {@code n} largest entries, largest first, ties by path. */
    public List<ManifestEntry> largest(int n) {
        return entries.stream()
                .sorted(Comparator.comparingLong(ManifestEntry::size).reversed().thenComparing(ManifestEntry::path))
                .limit(n)
                .toList();
    }
}
