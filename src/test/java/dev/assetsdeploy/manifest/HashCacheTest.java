package dev.assetsdeploy.manifest;

import static dev.assetsdeploy.manifest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hash cache as the manifest builder uses it. Runs are given a clock an hour ahead of the files'
 * times (files written by a test are only milliseconds old, which the racy rule would distrust), except
 * where the racy rule itself is the point.
 */
class HashCacheTest {

    private static final String PLANTED = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    Path site;
    Path cacheDir;
    long later;

    @BeforeEach
    void site() throws IOException {
        assumeTrue(FileStamp.supported(), "the cache needs change times and inodes (Linux, macOS)");
        site = Files.createDirectories(tmp.resolve("site"));
        cacheDir = tmp.resolve("cache");
        write(site, "index.html", "<h1>one</h1>");
        write(site, "css/a.css", "body{color:red}");
        write(site, "js/app.js", "console.log(1)");
        later = nanos(Instant.now()) + TimeUnit.HOURS.toNanos(1);
    }

    private Manifest build(long clockNanos) {
        return build(HashCacheLocation.in(cacheDir), clockNanos);
    }

    private Manifest build(HashCacheLocation location, long clockNanos) {
        return new ManifestBuilder(100, 2)
                .withCache(location)
                .withClock(() -> clockNanos)
                .build(site);
    }

    private Map<String, String> hashes(Manifest m) {
        return m.entries().stream().collect(Collectors.toMap(ManifestEntry::path, ManifestEntry::hash));
    }

    private Map<String, String> uncached() {
        return hashes(new ManifestBuilder(100, 1).build(site));
    }

    private Path cacheFile() throws IOException {
        return cacheDir.resolve(HashCache.fileName(site.toRealPath()));
    }

    /** A cache for the site whose one entry, for {@code key}, carries {@code stamp} and the planted hash. */
    private void plant(String key, FileStamp stamp, long reference) throws IOException {
        HashCache.write(cacheFile(), site.toRealPath(), reference, List.of(new HashCache.Entry(key, stamp, PLANTED)));
    }

    /** The stamp a build takes of {@code file} now. */
    private static FileStamp stamp(Path file) throws IOException {
        return FileStamp.read(
                file, Files.size(file), Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS));
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    @Test
    void aSecondRunTakesEveryUnchangedHashFromTheCache() {
        Manifest first = build(later);
        assertEquals(0, first.cache().hits());
        assertEquals(List.of(), first.cache().warnings());
        Manifest second = build(later + 1);
        assertEquals(3, second.cache().hits());
        assertEquals(uncached(), hashes(second));
        assertEquals(published(first), published(second));
    }

    /** What a manifest publishes of each entry: the stamp an upload may lean on is not part of it. */
    private static List<String> published(Manifest m) {
        return m.entries().stream()
                .map(e -> e.path() + " " + e.hash() + " " + e.size() + " " + e.contentType() + " " + e.file())
                .toList();
    }

    /**
     * The stamp an upload may lean on instead of hashing again: only for a hash this run took, of a file
     * whose times are older than the run by more than the filesystem's tick; a cache hit is checked again.
     */
    @Test
    void onlyAHashTakenThisRunOfAFileOlderThanTheRunVouchesForTheUpload() throws IOException {
        Manifest fresh = build(later);
        for (ManifestEntry e : fresh.entries()) {
            assertEquals(stamp(e.file()), e.stamp(), e.path());
        }
        Manifest hits = build(later + 1);
        assertEquals(3, hits.cache().hits());
        hits.entries().forEach(e -> assertNull(e.stamp(), e.path()));

        // Just written, with the real clock: within the tick of the run, so hashed again if sent.
        write(site, "new.html", "<p>new</p>");
        Manifest racy = build(nanos(Instant.now()));
        assertNull(racy.entry("/new.html").orElseThrow().stamp());
    }

    /** The counterpart of every test below: a matching stamp in a trusted cache is believed, hash unseen. */
    @Test
    void aMatchingStampServesTheCachedHashWithoutReadingTheFile() throws IOException {
        Path file = site.resolve("index.html");
        plant("/index.html", stamp(file), later);
        Manifest m = build(later + 1);
        assertEquals(PLANTED, hashes(m).get("/index.html"));
        assertEquals(1, m.cache().hits());
    }

    @ParameterizedTest(name = "{0} differs")
    @ValueSource(strings = {"size", "modified", "changed", "device", "inode"})
    void aStampThatDiffersInAnyFieldMeansTheFileIsHashed(String field) throws IOException {
        FileStamp s = stamp(site.resolve("index.html"));
        FileStamp other = switch (field) {
            case "size" -> new FileStamp(s.size() + 1, s.modifiedNanos(), s.changedNanos(), s.device(), s.inode());
            case "modified" -> new FileStamp(s.size(), s.modifiedNanos() - 1, s.changedNanos(), s.device(), s.inode());
            case "changed" -> new FileStamp(s.size(), s.modifiedNanos(), s.changedNanos() - 1, s.device(), s.inode());
            case "device" -> new FileStamp(s.size(), s.modifiedNanos(), s.changedNanos(), s.device() + 1, s.inode());
            default -> new FileStamp(s.size(), s.modifiedNanos(), s.changedNanos(), s.device(), s.inode() + 1);
        };
        plant("/index.html", other, later);
        Manifest m = build(later + 1);
        assertEquals(uncached().get("/index.html"), hashes(m).get("/index.html"));
        assertEquals(0, m.cache().hits());
    }

    /**
     * git's racy case: the run that cached the file started within the same clock tick as the file's
     * last change, so a second change in that tick would leave the stamp as it was. Such an entry is
     * not believed; one from a run that started a tick later is.
     */
    @Test
    void anEntryRecordedWithinTheTickOfTheFilesLastChangeIsHashedAgain() throws IOException {
        FileStamp stamp = stamp(site.resolve("index.html"));
        long changed = Math.max(stamp.changedNanos(), stamp.modifiedNanos());
        assertNotEquals(0, stamp.changedNanos() % 1_000_000_000L, "a filesystem with sub-second times");
        for (long reference : new long[] {changed, changed + FileStamp.FINE_TICK_NANOS}) {
            plant("/index.html", stamp, reference);
            assertEquals(uncached().get("/index.html"), hashes(build(later)).get("/index.html"), "at " + reference);
        }
        plant("/index.html", stamp, changed + FileStamp.FINE_TICK_NANOS + 1);
        assertEquals(PLANTED, hashes(build(later)).get("/index.html"));
    }

    @Test
    void onAFilesystemThatKeepsWholeSecondsTheTickIsTwoSeconds() {
        long second = 1_700_000_000L * 1_000_000_000L;
        FileStamp coarse = new FileStamp(1, second, second, 1, 1);
        assertFalse(coarse.olderThan(second + FileStamp.COARSE_TICK_NANOS));
        assertTrue(coarse.olderThan(second + FileStamp.COARSE_TICK_NANOS + 1));
        FileStamp fine = new FileStamp(1, second + 7, second + 7, 1, 1);
        assertFalse(fine.olderThan(second + 7 + FileStamp.FINE_TICK_NANOS));
        assertTrue(fine.olderThan(second + 8 + FileStamp.FINE_TICK_NANOS));
    }

    @Test
    void aFileEditedWithTheSameSizeAndItsOldModificationTimePutBackIsHashedAgain() throws IOException {
        Path file = site.resolve("index.html");
        FileTime mtime = Files.getLastModifiedTime(file);
        build(later);
        Files.writeString(file, "<h1>two</h1>");
        Files.setLastModifiedTime(file, mtime);
        assertEquals(Files.size(file), "<h1>one</h1>".length());
        assertEquals(mtime, Files.getLastModifiedTime(file), "size and mtime alone would call it unchanged");
        Manifest m = build(later + 1);
        assertEquals(uncached(), hashes(m));
        assertEquals(2, m.cache().hits());
    }

    @Test
    void aFileReplacedByARenameIsHashedAgain() throws IOException {
        Path file = site.resolve("css/a.css");
        FileTime mtime = Files.getLastModifiedTime(file);
        build(later);
        Path replacement = write(tmp, "a.css.new", "body{color:blu}");
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Manifest m = build(later + 1);
        assertEquals(uncached(), hashes(m));
        assertEquals(2, m.cache().hits());
    }

    @Test
    void aChangedFileIsHashedAgainAndTheOthersComeFromTheCache() throws IOException {
        build(later);
        write(site, "js/app.js", "console.log(2); // longer");
        write(site, "new.txt", "new");
        Files.delete(site.resolve("css/a.css"));
        Manifest m = build(later + 1);
        assertEquals(uncached(), hashes(m));
        assertEquals(1, m.cache().hits());
        Manifest again = build(later + 2);
        assertEquals(3, again.cache().hits(), "the rewritten cache holds the new files and not the deleted one");
    }

    @Test
    void theCacheIsOneFileOutsideTheFolderNamedAfterItsRealPath() throws IOException {
        build(later);
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertEquals(List.of(cacheFile()), files.toList());
        }
        assertEquals(cacheFile(), build(later + 1).cache().file());
        try (Stream<Path> files = Files.walk(site)) {
            assertEquals(3, files.filter(Files::isRegularFile).count(), "nothing written into the folder");
        }
    }

    @Test
    void anotherFoldersCacheIsNotUsed() throws IOException {
        build(later);
        Path other = Files.createDirectories(tmp.resolve("other"));
        write(other, "index.html", "<h1>one</h1>");
        Files.copy(cacheFile(), cacheDir.resolve(HashCache.fileName(other.toRealPath())));
        Manifest m = new ManifestBuilder(100, 1)
                .withCache(HashCacheLocation.in(cacheDir))
                .withClock(() -> later + 1)
                .build(other);
        assertEquals(0, m.cache().hits());
        assertEquals(List.of(), m.cache().warnings());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inside", "itself", "linked"})
    void aCacheFolderInsideTheAssetsFolderIsNeverUsed(String where) throws IOException {
        Path folder = switch (where) {
            case "inside" -> site.resolve(".cache");
            case "itself" -> site;
            default -> Files.createSymbolicLink(tmp.resolve("link"), site).resolve("cache");
        };
        Manifest first = build(HashCacheLocation.in(folder), later);
        Manifest second = build(HashCacheLocation.in(folder), later + 1);
        assertEquals(3, second.fileCount());
        assertEquals(0, second.cache().hits());
        assertNull(second.cache().file());
        assertEquals(1, first.cache().warnings().size());
        assertTrue(
                first.cache().warnings().get(0).contains("inside the assets folder"),
                first.cache().warnings().get(0));
        assertFalse(Files.exists(site.resolve(".cache")));
    }

    /** Each way a cache file can be bad: one warning, the right hashes, and a good cache written in its place. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"garbage", "empty", "truncated", "flipped", "other version", "too many entries"})
    void aBadCacheFileIsIgnoredWithOneWarningAndWrittenAnew(String damage) throws IOException {
        build(later);
        Path file = cacheFile();
        byte[] good = Files.readAllBytes(file);
        int countAt = 8 + 4 + 8 + 2 + site.toRealPath().toString().getBytes(StandardCharsets.UTF_8).length;
        byte[] bad = switch (damage) {
            case "garbage" -> "not a cache at all\n".getBytes(StandardCharsets.UTF_8);
            case "empty" -> new byte[0];
            case "truncated" -> java.util.Arrays.copyOf(good, good.length - 20);
            case "flipped" -> flip(good, good.length / 2);
            case "other version" -> withChecksum(with(good, b -> b.putInt(8, HashCache.FORMAT + 1)));
            default -> withChecksum(with(good, b -> b.putInt(countAt, Integer.MAX_VALUE)));
        };
        Files.write(file, bad);
        String why = switch (damage) {
            case "garbage", "empty" -> "is not a hash cache of assets-deploy";
            case "truncated", "flipped" -> "its checksum does not match";
            case "other version" -> "another version of assets-deploy (cache format 2";
            default -> "announces 2147483647 entries";
        };
        Manifest m = build(later + 1);
        assertRightHashesAndOneWarning(m, w -> w.startsWith("the hash cache " + file + " ") && w.contains(why));
        assertEquals(0, m.cache().hits());
        Manifest next = build(later + 2);
        assertEquals(List.of(), next.cache().warnings());
        assertEquals(3, next.cache().hits());
    }

    @Test
    void aCacheFileLargerThanTheBoundIsNotRead() throws IOException {
        build(later);
        try (RandomAccessFile raf = new RandomAccessFile(cacheFile().toFile(), "rw")) {
            raf.setLength(HashCache.MAX_BYTES + 1L); // sparse: nothing on disk
        }
        Manifest m = build(later + 1);
        assertRightHashesAndOneWarning(m, w -> w.contains("is larger than 256 MiB"));
    }

    @Test
    void anUnreadableCacheGivesOneWarning() throws IOException {
        Files.createDirectories(cacheFile()); // a folder where the file should be: reading and writing fail
        Manifest m = build(later);
        assertRightHashesAndOneWarning(m, w -> w.contains("cannot be read"));
    }

    @Test
    void aReadOnlyCacheFolderGivesOneWarningAndLeavesNothingBehind() throws Exception {
        build(later);
        write(site, "index.html", "<h1>changed</h1>");
        ReadOnly.make(cacheDir);
        try {
            Manifest m = build(later + 1);
            assertRightHashesAndOneWarning(m, w -> w.startsWith("cannot write the hash cache in " + cacheDir + " ("));
            assertEquals(2, m.cache().hits());
        } finally {
            ReadOnly.undo(cacheDir);
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertEquals(List.of(cacheFile()), files.toList(), "no temporary file left");
        }
    }

    @Test
    void aCacheFolderThatCannotBeCreatedGivesOneWarning() throws IOException {
        Path file = write(tmp, "plain-file", "x");
        Manifest m = build(HashCacheLocation.in(file.resolve("cache")), later);
        assertRightHashesAndOneWarning(m, w -> w.startsWith("cannot write the hash cache in "));
    }

    @Test
    void aRunWithNothingNewLeavesTheCacheFileAsItWas() throws IOException {
        build(later);
        build(later + 1); // trusted now: every entry is a hit
        FileTime written = FileTime.fromMillis(0);
        Files.setLastModifiedTime(cacheFile(), written);
        assertEquals(3, build(later + 2).cache().hits());
        assertEquals(written, Files.getLastModifiedTime(cacheFile()));
    }

    @Test
    void offMeansNoCacheAndSaysWhy() {
        Manifest m = build(HashCacheLocation.off("--no-cache"), later);
        assertNull(m.cache().file());
        assertEquals("--no-cache", m.cache().off());
        assertFalse(Files.exists(cacheDir));
    }

    /** The build hashed what it had to, and its one cache warning is as {@code expected} says. */
    private void assertRightHashesAndOneWarning(Manifest m, java.util.function.Predicate<String> expected) {
        assertEquals(uncached(), hashes(m));
        assertEquals(1, m.cache().warnings().size(), m.cache().warnings().toString());
        assertTrue(
                expected.test(m.cache().warnings().get(0)), m.cache().warnings().get(0));
    }

    private static byte[] flip(byte[] bytes, int at) {
        byte[] copy = bytes.clone();
        copy[at] ^= 1;
        return copy;
    }

    private static byte[] with(byte[] bytes, java.util.function.Consumer<ByteBuffer> edit) {
        byte[] copy = bytes.clone();
        edit.accept(ByteBuffer.wrap(copy));
        return copy;
    }

    private static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    /** A folder nothing can be written into, root included (chmod, then the immutable attribute). */
    static final class ReadOnly {
        private ReadOnly() {}

        static void make(Path dir) throws Exception {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
            if (writable(dir)) {
                chattr("+i", dir);
            }
            assumeTrue(!writable(dir), "cannot make a read-only folder here (root without chattr)");
        }

        static void undo(Path dir) throws Exception {
            chattr("-i", dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        private static void chattr(String change, Path dir) throws InterruptedException {
            try {
                new ProcessBuilder("chattr", change, dir.toString())
                        .redirectErrorStream(true)
                        .start()
                        .waitFor();
            } catch (IOException e) {
                // no chattr: the assumption below says so
            }
        }

        private static boolean writable(Path dir) {
            try {
                Files.delete(Files.createTempFile(dir, "probe", ""));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
