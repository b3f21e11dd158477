package dev.assetsdeploy.manifest;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the hash cache compares to call a file unchanged: its size, modification and status-change
 * times in nanoseconds, device and inode (following links, as reading does). The change time is what
 * catches an edit whose old modification time was put back (setting it is itself a change), and the
 * inode catches a file replaced by a rename.
 */
public record FileStamp(long size, long modifiedNanos, long changedNanos, long device, long inode) {

    static final long COARSE_TICK_NANOS = 2_000_000_000L;
    static final long FINE_TICK_NANOS = 50_000_000L;

    private static final String ATTRIBUTES = "unix:ctime,dev,ino";
    private static final String ALL_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

    /** Whether this system reports change times and inodes (Linux, macOS); without them the cache is off. */
    static boolean supported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    }

    /**
     * The stamp of {@code file}, of which the walk saw {@code size} and {@code modifiedNanos}: the rest
     * is one more stat (a change between the two makes a stamp no later run will match, so it is
     * hashed again). Only what the walk could not see is asked for: each attribute read by name costs.
     */
    static FileStamp read(Path file, long size, long modifiedNanos) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, ATTRIBUTES);
        return new FileStamp(size, modifiedNanos, nanos(a.get("ctime")), (Long) a.get("dev"), (Long) a.get("ino"));
    }

    /** The stamp of {@code file} now, from one stat. */
    static FileStamp read(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, ALL_ATTRIBUTES);
        return new FileStamp(
                (Long) a.get("size"),
                nanos(a.get("lastModifiedTime")),
                nanos(a.get("ctime")),
                (Long) a.get("dev"),
                (Long) a.get("ino"));
    }

    /**
     * git's rule for "racily clean" entries: a stamp is only trusted when both its times are strictly
     * older than {@code referenceNanos}, a clock reading taken before the run that recorded it looked at
     * any file, less the filesystem's timestamp granularity. A file changed again within the same tick
     * as its recorded change keeps its stamp; its times are then not older than that, so it is hashed.
     *
     * <p>The granularity is read off the change time, which only the system sets: a whole second means
     * a filesystem that keeps seconds (ext3, HFS+; FAT's 2 s), else the kernel's clock tick (at most
     * 10 ms, FAT's change times included). As with git, the folder's filesystem and this machine are
     * assumed to agree on the time.
     */
    boolean olderThan(long referenceNanos) {
        long granularity = changedNanos % 1_000_000_000L == 0 ? COARSE_TICK_NANOS : FINE_TICK_NANOS;
        long limit = referenceNanos - granularity;
        return modifiedNanos < limit && changedNanos < limit;
    }

    /*
     * Written out: a record's own equals runs through method handles that the JVM builds at its first call
     * and that run slowly until compiled, and this one runs once per file of every cached run.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FileStamp s
                && size == s.size
                && modifiedNanos == s.modifiedNanos
                && changedNanos == s.changedNanos
                && device == s.device
                && inode == s.inode;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size ^ modifiedNanos ^ changedNanos ^ device ^ inode);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
    }
}
