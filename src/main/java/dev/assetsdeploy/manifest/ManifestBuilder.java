package dev.assetsdeploy.manifest;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.IoReason;
import dev.assetsdeploy.NativeNames;
import dev.assetsdeploy.ShortList;
import dev.assetsdeploy.Sizes;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Builds a folder's manifest exactly as wrangler 4.164 does (see docs/direct-upload.md),
 * and reports what wrangler leaves unsaid: what was ignored and why, links, private files.
 *
 * <p>Order of work: walk (cheap) → file-count and size limits → hash on all cores. A folder
 * that is too big fails before any file is read.
 */
public final class ManifestBuilder {

    public static final long MAX_FILE_SIZE = 25L * 1024 * 1024;
    /** The paid plans' assets per Worker version; the Free plan's is {@link #FREE_PLAN_MAX_FILES}. */
    public static final int DEFAULT_MAX_FILES = 100_000;

    public static final int FREE_PLAN_MAX_FILES = 20_000;
    private static final String WORKER_JS = "_worker.js";
    private static final Pattern DOTS_ONLY = Pattern.compile("\\.+");

    private final int maxFiles;
    private final int threads;
    private final boolean freePlanWarning;
    private final HashCacheLocation cache;
    private final LongSupplier clockNanos;

    public ManifestBuilder() {
        this(DEFAULT_MAX_FILES, Runtime.getRuntime().availableProcessors());
    }

    public ManifestBuilder(int maxFiles, int threads) {
        this(maxFiles, threads, true, HashCacheLocation.NONE, ManifestBuilder::nowNanos);
    }

    private ManifestBuilder(
            int maxFiles, int threads, boolean freePlanWarning, HashCacheLocation cache, LongSupplier clockNanos) {
        this.maxFiles = maxFiles;
        this.threads = Math.max(1, threads);
        this.freePlanWarning = freePlanWarning;
        this.cache = cache;
        this.clockNanos = clockNanos;
    }

    /** No warning for more files than the Free plan takes: the user said how many their plan allows. */
    public ManifestBuilder withoutFreePlanWarning() {
        return new ManifestBuilder(maxFiles, threads, false, cache, clockNanos);
    }

    /** Takes unchanged files' hashes from the hash cache in {@code location} (see {@link HashCache}). */
    public ManifestBuilder withCache(HashCacheLocation location) {
        return new ManifestBuilder(maxFiles, threads, freePlanWarning, location, clockNanos);
    }

    /** {@code nanos}: the wall clock in ns since the epoch, that the cache's racy rule reads (tests set it). */
    public ManifestBuilder withClock(LongSupplier nanos) {
        return new ManifestBuilder(maxFiles, threads, freePlanWarning, cache, nanos);
    }

    /** A file found by the walk, before hashing: its size and modification time as the walk saw them. */
    private record Found(String key, Path file, long size, long modifiedNanos) {}

    /** What hashing one file gave: workers never throw. */
    private sealed interface HashResult permits Hashed, Unreadable {}

    /** {@code stamp}: what the cache records for it (null: not recorded); {@code cached}: the cache gave the hash. */
    private record Hashed(ManifestEntry entry, FileStamp stamp, boolean cached) implements HashResult {}

    /** The file's key and, in a few words, why it could not be read. */
    private record Unreadable(String description) implements HashResult {}

    public Manifest build(Path dir) {
        long started = clockNanos.getAsLong();
        Path root = checkFolder(dir);
        AssetsIgnore ignore = AssetsIgnore.load(root);
        Walk walk = new Walk(root, ignore);
        // The cache file is read while the folder is walked: both only read, and the walk is the part that
        // cannot run in parallel.
        CompletableFuture<HashCache> loading =
                CompletableFuture.supplyAsync(() -> HashCache.open(cache, walk.realRoot, started));
        walk.folder(root, "");
        walk.failIfErrors();
        List<Found> found = walk.files;
        found.sort(Comparator.comparing(Found::key));
        checkLimits(root, ignore, found);
        HashCache hashCache = loading.join();
        List<Hashed> hashed = hashAll(found, hashCache, started);
        List<ManifestEntry> entries = new ArrayList<>(hashed.size());
        List<HashCache.Entry> recorded = new ArrayList<>(hashed.size());
        int hits = 0;
        for (Hashed h : hashed) {
            entries.add(h.entry());
            recorded.add(
                    new HashCache.Entry(h.entry().path(), h.stamp(), h.entry().hash()));
            hits += h.cached() ? 1 : 0;
        }
        HashCacheUse cacheUse = hashCache.finish(recorded, hits);
        List<ManifestWarning> warnings = new ArrayList<>(walk.warnings);
        if (freePlanWarning && found.size() > FREE_PLAN_MAX_FILES) {
            warnings.add(new ManifestWarning(
                    ManifestWarning.Code.FREE_PLAN_FILE_LIMIT,
                    "/",
                    String.format(
                            Locale.ROOT,
                            "%,d files: more than the %,d a Worker version may have on the Free plan (paid plans:"
                                    + " %,d); the API has the last word. Pass --max-files to say how many your plan"
                                    + " allows, and this warning goes",
                            found.size(),
                            FREE_PLAN_MAX_FILES,
                            DEFAULT_MAX_FILES)));
        }
        warnings.addAll(
                SensitiveFiles.find(entries.stream().map(ManifestEntry::path).toList()));
        warnings.sort(Comparator.comparing(ManifestWarning::path).thenComparing(w -> w.code()));
        walk.ignored.sort(Comparator.comparing(IgnoredFile::path));
        return new Manifest(root, entries, walk.ignored, warnings, cacheUse);
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static Path checkFolder(Path dir) {
        if (!Files.exists(dir)) {
            throw AssetsDeployException.invalidInput("assets folder " + dir + " does not exist: check the path");
        }
        if (!Files.isDirectory(dir)) {
            throw AssetsDeployException.invalidInput(
                    "assets folder " + dir + " is a file, not a folder: give the folder that holds your static files");
        }
        return dir.toAbsolutePath().normalize();
    }

    private void checkLimits(Path root, AssetsIgnore ignore, List<Found> found) {
        if (found.size() > maxFiles) {
            throw AssetsDeployException.invalidInput(String.format(
                    Locale.ROOT,
                    "%s has %,d files, over the limit of %,d (--max-files): Workers take %,d assets"
                            + " per version (%,d on paid plans); leave files out with .assetsignore"
                            + " or raise --max-files",
                    root,
                    found.size(),
                    maxFiles,
                    FREE_PLAN_MAX_FILES,
                    DEFAULT_MAX_FILES));
        }
        if (!ignore.filePresent()) {
            found.stream()
                    .filter(f -> f.key().startsWith("/" + WORKER_JS))
                    .findFirst()
                    .ifPresent(f -> {
                        throw AssetsDeployException.invalidInput(f.key()
                                + " would publish Pages server code as an asset:"
                                + " remove it, or add an .assetsignore containing '" + WORKER_JS + "' to leave it out"
                                + " (an empty .assetsignore publishes it on purpose)");
                    });
        }
        List<Found> tooBig =
                found.stream().filter(f -> f.size() > MAX_FILE_SIZE).toList();
        if (!tooBig.isEmpty()) {
            throw AssetsDeployException.invalidInput(tooBig.size() + (tooBig.size() == 1 ? " file is" : " files are")
                    + " over the 25 MiB limit for one asset: "
                    + ShortList.join(
                            ", ",
                            tooBig.stream()
                                    .map(f -> f.key() + " (" + Sizes.human(f.size()) + ")")
                                    .toList())
                    + "; leave them out with .assetsignore or serve them from elsewhere (e.g. R2)");
        }
    }

    /**
     * Hashes on {@code threads} workers, each taking the next file until none is left (one
     * task per worker, not per file: less queueing, and far less for the JIT to compile).
     */
    private List<Hashed> hashAll(List<Found> found, HashCache cache, long started) {
        HashResult[] results = new HashResult[found.size()];
        AtomicInteger next = new AtomicInteger();
        Callable<Void> worker = () -> {
            AssetHasher hasher = new AssetHasher();
            for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                results[i] = hashOne(hasher, found.get(i), cache, started);
            }
            return null;
        };
        int workers = Math.min(threads, Math.max(1, found.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "hash");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Future<Void> done : pool.invokeAll(Collections.nCopies(workers, worker))) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Hashed> entries = new ArrayList<>(found.size());
        List<String> unreadable = new ArrayList<>();
        for (HashResult result : results) {
            if (result instanceof Hashed hashed) {
                entries.add(hashed);
            } else {
                unreadable.add(((Unreadable) result).description());
            }
        }
        if (!unreadable.isEmpty()) {
            throw AssetsDeployException.invalidInput("cannot read " + ShortList.join(", ", unreadable)
                    + ": fix the permissions or leave the files out with .assetsignore");
        }
        return entries;
    }

    private static HashResult hashOne(AssetHasher hasher, Found f, HashCache cache, long started) {
        String name = f.key().substring(f.key().lastIndexOf('/') + 1);
        try {
            // Stamped before reading: a change while the file is read leaves a later stamp behind.
            FileStamp stamp = cache.enabled() ? stampOf(f) : null;
            String cached = stamp == null ? null : cache.lookup(f.key(), stamp);
            if (cached != null) {
                // No stamp for the upload: a hash from an earlier run is checked again if its file is sent.
                return new Hashed(entry(f, name, cached, null), stamp, true);
            }
            // The upload believes the stamp as the cache does: only when it is older than this run.
            FileStamp vouching = stamp != null && stamp.olderThan(started) ? stamp : null;
            AssetHasher.Hashed hashed = hasher.hash(f.file(), name, f.size());
            // wrangler's manifest announces the stat size, whatever was read.
            boolean whole = hashed.size() == f.size();
            return new Hashed(entry(f, name, hashed.hash(), whole ? vouching : null), whole ? stamp : null, false);
        } catch (IOException e) {
            return new Unreadable(f.key() + " (" + IoReason.of(e) + ")");
        }
    }

    private static ManifestEntry entry(Found f, String name, String hash, FileStamp stamp) {
        return new ManifestEntry(f.key(), hash, f.size(), ContentTypes.forFileName(name), f.file(), stamp);
    }

    /** The file's stamp for the cache (the walk saw its size and mtime), or null when it cannot be taken. */
    private static FileStamp stampOf(Found f) {
        try {
            return FileStamp.read(f.file(), f.size(), f.modifiedNanos());
        } catch (IOException e) {
            return null; // hashing says what is wrong with the file
        }
    }

    /**
     * The walk: applies ignore rules and the symlink policy, collects files, never reads them.
     * A plain recursion over directory listings (not walkFileTree): the walk is the one part
     * that cannot run in parallel, and the fewer layers its per-entry path has, the less the
     * JIT must compile before it runs fast.
     */
    private static final class Walk {
        private final Path root;
        final Path realRoot;
        private final AssetsIgnore ignore;
        private final boolean nativeNamesAreUtf8;
        final List<Found> files = new ArrayList<>();
        final List<IgnoredFile> ignored = new ArrayList<>();
        final List<ManifestWarning> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();

        Walk(Path root, AssetsIgnore ignore) {
            this.root = root;
            this.ignore = ignore;
            try {
                this.realRoot = root.toRealPath();
            } catch (IOException e) {
                throw AssetsDeployException.invalidInput(
                        "cannot read assets folder " + root + ": " + e.getMessage(), e);
            }
            this.nativeNamesAreUtf8 = NativeNames.utf8();
        }

        /** Visits the entries of {@code dir}, whose key relative to the root is {@code rel} ("" for the root). */
        void folder(Path dir, String rel) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    String entryRel = rel.isEmpty() ? name : rel + "/" + name;
                    checkName(entry, entryRel);
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        errors.add("cannot read /" + entryRel + " (" + IoReason.of(e) + ")");
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        String rule = ignore.ignoredBy(entryRel, true);
                        if (rule != null) {
                            ignored.add(new IgnoredFile("/" + entryRel + "/", rule));
                        } else {
                            folder(entry, entryRel);
                        }
                    } else {
                        file(entry, entryRel, attrs);
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
                errors.add("cannot read " + (rel.isEmpty() ? root.toString() : "/" + rel) + " (" + IoReason.of(cause)
                        + ")");
            }
        }

        private void checkName(Path entry, String rel) {
            if ((rel.indexOf('\uFFFD') >= 0 || (!nativeNamesAreUtf8 && rel.indexOf('?') >= 0)) && !exists(rel)) {
                // The name did not decode: its bytes are not UTF-8 (or not the locale's charset).
                errors.add(
                        nativeNamesAreUtf8
                                ? "the name of " + entry
                                        + " is not valid UTF-8 (wrangler cannot read it either): rename it"
                                : "the name of " + entry + " cannot be read " + NativeNames.localeProblem());
            }
            if (rel.indexOf('/') < 0 && DOTS_ONLY.matcher(rel).matches()) {
                // wrangler's ignore check throws on such a path ("path should be a path.relative()d string").
                errors.add("/" + rel + ": wrangler cannot deploy a top-level name made only of dots"
                        + " (its ignore check crashes on it, even with .assetsignore): rename it");
            }
        }

        /** Whether the decoded name finds the file again (a name that does not encode back cannot). */
        private boolean exists(String rel) {
            try {
                return Files.exists(root.resolve(rel), LinkOption.NOFOLLOW_LINKS);
            } catch (InvalidPathException e) {
                return false;
            }
        }

        private void file(Path file, String rel, BasicFileAttributes attrs) {
            BasicFileAttributes target = attrs;
            if (attrs.isSymbolicLink()) {
                try {
                    target = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    target = null;
                } catch (IOException e) {
                    errors.add("cannot follow link /" + rel + " (" + IoReason.of(e) + ")");
                    return;
                }
            }
            String rule = ignore.ignoredBy(rel, target != null && target.isDirectory());
            if (rule != null) {
                ignored.add(new IgnoredFile("/" + rel, rule));
                return;
            }
            if (target == null) {
                errors.add("/" + rel + " is a broken link (to " + linkTarget(file)
                        + "): fix or remove it, or leave it out with .assetsignore");
                return;
            }
            if (target.isDirectory()) {
                warnings.add(new ManifestWarning(
                        ManifestWarning.Code.LINKED_FOLDER_SKIPPED,
                        "/" + rel + "/",
                        "/" + rel + " links to the folder " + linkTarget(file)
                                + ", which is not entered (as wrangler does): copy the folder in to publish it"));
                return;
            }
            if (!target.isRegularFile()) {
                ignored.add(new IgnoredFile("/" + rel, "not a regular file"));
                return;
            }
            if (attrs.isSymbolicLink()) {
                checkLinkInside(file, rel);
            }
            files.add(new Found(
                    "/" + rel, file, target.size(), target.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        }

        private void checkLinkInside(Path link, String rel) {
            try {
                Path real = link.toRealPath();
                if (!real.startsWith(realRoot)) {
                    warnings.add(new ManifestWarning(
                            ManifestWarning.Code.LINK_OUTSIDE_FOLDER,
                            "/" + rel,
                            "/" + rel + " links to " + real
                                    + ", outside the assets folder: that file will be published"));
                }
            } catch (IOException e) {
                errors.add("cannot follow link /" + rel + " (" + IoReason.of(e) + ")");
            }
        }

        private static String linkTarget(Path link) {
            try {
                return Files.readSymbolicLink(link).toString();
            } catch (IOException e) {
                return "?";
            }
        }

        void failIfErrors() {
            if (!errors.isEmpty()) {
                errors.sort(null); // the walk's order is the file system's
                throw AssetsDeployException.invalidInput(ShortList.join("; ", errors));
            }
        }
    }
}
