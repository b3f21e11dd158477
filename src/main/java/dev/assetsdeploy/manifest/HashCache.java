package dev.assetsdeploy.manifest;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.assetsdeploy.IoReason;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The hash cache of one assets folder: each file's {@link FileStamp} and hash from the last run, in
 * one file named after the folder's real path, kept outside the folder. A hash is taken from it only
 * when the file's stamp is the same and older than the reference of the run that recorded it; else
 * the file is hashed. Any trouble with the cache (unreadable, damaged, another version, a folder that
 * cannot be written) is a warning, and the run hashes what it must: the cache can only make a run
 * faster, never change what it deploys.
 *
 * <p>The file is binary, big-endian: {@code "ADHCACHE"}, the format version (int), the reference
 * (long, ns since the epoch), the folder's real path, the entry count (int), per entry its manifest
 * key, size, modification and change times, device, inode (longs) and the 16 bytes of its hash, then
 * a CRC-32 of all that. Strings are an unsigned 16-bit byte count and UTF-8 (file names may hold any
 * character but {@code /}, so no separator would do). The checksum catches a truncated or damaged
 * file, which is why it is written without fsync: after a crash it is at worst ignored once.
 */
final class HashCache {

    static final int FORMAT = 1;

    private static final byte[] MAGIC = "ADHCACHE".getBytes(UTF_8);
    private static final int HEADER = MAGIC.length + 4;
    private static final int ENTRY_FIXED = 2 + 5 * 8 + 16;
    /** Far more than 100,000 files with long paths need; a bigger file is not read. */
    static final int MAX_BYTES = 256 * 1024 * 1024;

    /** A hash the cache holds for a file, with the stamp it was taken at. */
    record Cached(FileStamp stamp, String hash) {}

    /** One file of this run, for the cache it writes; {@code stamp} null: not recorded (it was changing). */
    record Entry(String key, FileStamp stamp, String hash) {}

    private final Path file;
    private final String off;
    private final Path root;
    private final long reference;
    private final Map<String, Cached> entries;
    private final long loadedReference;
    private final List<String> warnings;

    private HashCache(
            Path file,
            String off,
            Path root,
            long reference,
            Map<String, Cached> entries,
            long loadedReference,
            List<String> warnings) {
        this.file = file;
        this.off = off;
        this.root = root;
        this.reference = reference;
        this.entries = entries;
        this.loadedReference = loadedReference;
        this.warnings = warnings;
    }

    /**
     * The cache of the folder whose real path is {@code realRoot}, read from {@code location};
     * {@code startedNanos} is a clock reading taken before any file of this run was looked at.
     */
    static HashCache open(HashCacheLocation location, Path realRoot, long startedNanos) {
        List<String> warnings = new ArrayList<>();
        if (!FileStamp.supported()) {
            return disabled("this system does not report file change times and inodes", warnings);
        }
        if (location.off() != null) {
            return disabled(location.off(), warnings);
        }
        Path folder = location.folder().toAbsolutePath().normalize();
        if (realPath(folder).startsWith(realRoot)) {
            warnings.add("the hash cache folder " + folder + " is inside the assets folder " + realRoot
                    + ", where it would be published: hashing without it; give a folder outside with --cache-dir");
            return disabled("the cache folder is inside the assets folder", warnings);
        }
        Path file = folder.resolve(fileName(realRoot));
        Map<String, Cached> entries = new HashMap<>();
        long loadedReference = Long.MIN_VALUE;
        try {
            // No folder yet (the first run), or not a folder: nothing to read; writing says what is wrong.
            loadedReference = Files.isDirectory(folder) ? read(file, realRoot, entries) : Long.MIN_VALUE;
        } catch (Damaged e) {
            entries.clear();
            warnings.add("the hash cache " + file + " " + e.getMessage() + ": ignored, every file is hashed again");
        }
        return new HashCache(file, null, realRoot, startedNanos, entries, loadedReference, warnings);
    }

    private static HashCache disabled(String reason, List<String> warnings) {
        return new HashCache(null, reason, null, 0, Map.of(), Long.MIN_VALUE, warnings);
    }

    boolean enabled() {
        return file != null;
    }

    /** The cached hash of the file at {@code key} now stamped {@code stamp}, or null: hash it. Thread-safe. */
    String lookup(String key, FileStamp stamp) {
        Cached cached = entries.get(key);
        return cached != null && cached.stamp().equals(stamp) && stamp.olderThan(loadedReference)
                ? cached.hash()
                : null;
    }

    /**
     * Writes the cache for this run's files (those in {@code files}, in manifest order) unless it
     * would hold the same as before, and tells how the run used it. A write goes to a temporary file
     * in the same folder, renamed over the old one: a reader sees the old cache or the new, whole.
     */
    HashCacheUse finish(List<Entry> files, int hits) {
        if (!enabled()) {
            return HashCacheUse.off(off, warnings);
        }
        boolean unchanged = warnings.isEmpty() && hits == files.size() && entries.size() == files.size();
        if (!unchanged) {
            try {
                write(file, root, reference, files);
            } catch (IOException e) {
                // One warning a run: when the cache could not be read, that warning said enough.
                if (warnings.isEmpty()) {
                    warnings.add("cannot write the hash cache in " + file.getParent() + " (" + IoReason.of(e)
                            + "): the next run hashes every file again; make the folder writable, or pass"
                            + " --cache-dir DIR or --no-cache");
                }
            }
        }
        return new HashCacheUse(file, null, hits, warnings);
    }

    static String fileName(Path realRoot) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(realRoot.toString().getBytes(UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16) + ".hashes";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Fills {@code into} from {@code file} (nothing when it does not exist) and returns its reference. */
    private static long read(Path file, Path realRoot, Map<String, Cached> into) throws Damaged {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MAX_BYTES || (bytes = in.readNBytes(MAX_BYTES + 1)).length > MAX_BYTES) {
                throw new Damaged("is larger than " + (MAX_BYTES >> 20) + " MiB");
            }
        } catch (NoSuchFileException e) {
            return Long.MIN_VALUE;
        } catch (IOException e) {
            throw new Damaged("cannot be read (" + IoReason.of(e) + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < HEADER || !in.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new Damaged("is not a hash cache of assets-deploy");
        }
        int format = in.getInt(MAGIC.length);
        if (format != FORMAT) {
            throw new Damaged("was written by another version of assets-deploy (cache format " + format
                    + "; this one reads format " + FORMAT + ")");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, Math.max(0, bytes.length - 4));
        if (bytes.length < HEADER + 8 + 2 + 4 + 4 || (int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw new Damaged("is damaged or cut short (its checksum does not match)");
        }
        try {
            in.position(HEADER).limit(bytes.length - 4);
            long reference = in.getLong();
            if (!string(in).equals(realRoot.toString())) {
                return Long.MIN_VALUE; // another folder's: not ours to use (a name collision, or a copied file)
            }
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / ENTRY_FIXED) {
                throw new Damaged("is damaged (it announces " + count + " entries)");
            }
            for (int i = 0; i < count; i++) {
                String key = string(in);
                FileStamp stamp = new FileStamp(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getLong());
                into.put(key, new Cached(stamp, HexFormat.of().formatHex(bytes, in.position(), in.position() + 16)));
                in.position(in.position() + 16);
            }
            if (in.hasRemaining()) {
                throw new Damaged("is damaged (bytes after its last entry)");
            }
            return reference;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new Damaged("is damaged (an entry runs past its end)");
        }
    }

    private static String string(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        String s = new String(in.array(), in.position(), Math.min(length, in.remaining()), UTF_8);
        in.position(in.position() + length);
        return s;
    }

    /** Writes {@code file} for the folder {@code root}: the entries with a stamp, and {@code reference}. */
    static void write(Path file, Path root, long reference, List<Entry> files) throws IOException {
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            CRC32 crc = new CRC32();
            try (DataOutputStream out = new DataOutputStream(
                    new CheckedOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16), crc))) {
                out.write(MAGIC);
                out.writeInt(FORMAT);
                out.writeLong(reference);
                writeString(out, root.toString().getBytes(UTF_8));
                List<Entry> recorded = new ArrayList<>(files.size());
                for (Entry e : files) {
                    byte[] key = e.key().getBytes(UTF_8);
                    if (e.stamp() != null && key.length <= 0xFFFF) {
                        recorded.add(e);
                    }
                }
                out.writeInt(recorded.size());
                for (Entry e : recorded) {
                    writeString(out, e.key().getBytes(UTF_8));
                    FileStamp s = e.stamp();
                    out.writeLong(s.size());
                    out.writeLong(s.modifiedNanos());
                    out.writeLong(s.changedNanos());
                    out.writeLong(s.device());
                    out.writeLong(s.inode());
                    out.write(HexFormat.of().parseHex(e.hash()));
                }
                out.flush();
                out.writeInt((int) crc.getValue());
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void writeString(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    /** The real path of {@code path}, or of its nearest existing ancestor with the rest appended. */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    /** Why the cache file is not used, completing "the hash cache FILE ...". */
    private static final class Damaged extends Exception {
        Damaged(String why) {
            super(why, null, false, false);
        }
    }
}
