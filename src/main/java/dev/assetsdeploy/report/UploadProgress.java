package dev.assetsdeploy.report;

import dev.assetsdeploy.Counts;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.upload.Bucket;
import dev.assetsdeploy.upload.UploadListener;
import dev.assetsdeploy.upload.UploadPlan;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Upload progress for people, on stderr. On a terminal ({@link Style#LIVE}): one line redrawn in
 * place — files and bytes done of total, rate, ETA. Otherwise ({@link Style#PLAIN}, CI logs):
 * the same line at most every {@code plainInterval}. Both print retries, slow-downs and token
 * renewals on lines of their own (file names and the API's reasons escaped for the terminal). Thread-safe.
 */
public final class UploadProgress implements UploadListener {

    public enum Style {
        LIVE,
        PLAIN
    }

    private static final long LIVE_REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final Style style;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final Map<Long, Long> inFlight = new HashMap<>();
    private long startedNanos;
    private long lastDrawNanos;
    private boolean lineShown;
    private int totalFiles;
    private long totalBytes;
    private int filesDone;
    private long bytesDone;
    private int limit;
    private boolean stopped;

    public UploadProgress(PrintWriter err, Style style, LongSupplier nanoTime, Duration plainInterval) {
        this.err = err;
        this.style = style;
        this.nanoTime = nanoTime;
        this.intervalNanos = plainInterval.toNanos();
    }

    public static UploadProgress forStderr(PrintWriter err, boolean terminal) {
        return new UploadProgress(err, terminal ? Style.LIVE : Style.PLAIN, System::nanoTime, Duration.ofSeconds(5));
    }

    @Override
    public synchronized void sessionOpened(UploadPlan plan, int manifestFiles, long manifestBytes, int concurrency) {
        startedNanos = nanoTime.getAsLong();
        lastDrawNanos = startedNanos;
        totalFiles = plan.files();
        totalBytes = plan.bytes();
        limit = concurrency;
        if (plan.buckets().isEmpty()) {
            return;
        }
        String mode = plan.jwt().singleFileUploads()
                ? "one request per file"
                : Counts.of(plan.buckets().size(), "bucket");
        event(String.format(
                Locale.ROOT,
                "Uploading %,d of %,d files (%s) in %s, %d at a time.",
                totalFiles,
                manifestFiles,
                Sizes.human(totalBytes),
                mode,
                concurrency));
    }

    @Override
    public synchronized void bytesSent(Bucket bucket, long bytes) {
        inFlight.merge(key(bucket), bytes, Long::sum);
        maybeDraw();
    }

    @Override
    public synchronized void bucketFinished(Bucket bucket) {
        inFlight.remove(key(bucket));
        filesDone += bucket.entries().size();
        bytesDone += bucket.bytes();
        maybeDraw();
    }

    @Override
    public synchronized void bucketRetried(Bucket bucket, RetryNotice notice) {
        inFlight.remove(key(bucket));
        // A Retry-After holds every upload, not only this one (ConcurrencyLimit.pause).
        event(RetryText.of(notice) + (notice.next().retryAfter() != null ? "; all uploads wait" : ""));
    }

    @Override
    public synchronized void requestRetried(RetryNotice notice) {
        event(RetryText.of(notice));
    }

    @Override
    public synchronized void concurrencyChanged(int newLimit) {
        if (newLimit < limit) {
            event("The API asked us to slow down: " + Counts.of(newLimit, "request") + " at a time for now.");
        }
        limit = newLimit;
    }

    @Override
    public synchronized void tokenRenewed(String reason, UploadPlan next) {
        inFlight.clear();
        event(String.format(
                Locale.ROOT,
                "Opened upload session %d (%s); %,d files still to upload.",
                next.session(),
                reason,
                next.files()));
    }

    /** Ends the live line and prints nothing more: the process is ending. */
    public synchronized void stop() {
        finish();
        stopped = true;
    }

    /** Ends the live line (call once, after the upload, before printing anything else). */
    public synchronized void finish() {
        if (style == Style.LIVE && lineShown) {
            draw();
            err.println();
            err.flush();
            lineShown = false;
        }
    }

    private void maybeDraw() {
        long now = nanoTime.getAsLong();
        long gap = style == Style.LIVE ? LIVE_REDRAW_NANOS : intervalNanos;
        if (now - lastDrawNanos >= gap) {
            lastDrawNanos = now;
            draw();
        }
    }

    private void draw() {
        if (stopped) {
            return;
        }
        String line = line();
        if (style == Style.LIVE) {
            err.print("\r\033[K" + line);
            lineShown = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** "Uploaded 1,234 of 5,000 files, 12.3 MiB of 45.6 MiB, 3.2 MiB/s, ETA 12 s". */
    String line() {
        long sent = Math.min(
                totalBytes,
                bytesDone
                        + inFlight.values().stream().mapToLong(Long::longValue).sum());
        double seconds = Math.max(1e-3, (nanoTime.getAsLong() - startedNanos) / 1e9);
        double rate = sent / seconds;
        String eta = rate > 0 && sent < totalBytes ? ", ETA " + duration((totalBytes - sent) / rate) : "";
        return String.format(
                Locale.ROOT,
                "Uploaded %,d of %,d files, %s of %s, %s/s%s",
                filesDone,
                totalFiles,
                Sizes.human(sent),
                Sizes.human(totalBytes),
                Sizes.human((long) rate),
                eta);
    }

    private void event(String message) {
        if (stopped) {
            return;
        }
        if (style == Style.LIVE && lineShown) {
            err.print("\r\033[K");
            lineShown = false;
        }
        err.println(TerminalText.escape(message));
        err.flush();
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60
                ? s + " s"
                : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    private static long key(Bucket bucket) {
        return ((long) bucket.session() << 32) | bucket.index();
    }
}
