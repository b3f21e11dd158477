package dev.assetsdeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.manifest.ManifestEntry;
import dev.assetsdeploy.upload.Bucket;
import dev.assetsdeploy.upload.CompletionToken;
import dev.assetsdeploy.upload.UploadJwt;
import dev.assetsdeploy.upload.UploadPlan;
import dev.assetsdeploy.upload.UploadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Progress output with a hand-moved clock: what is printed, and how often. */
class UploadProgressTest {

    static final long MIB = 1024 * 1024;
    AtomicLong now = new AtomicLong();
    StringWriter text = new StringWriter();

    static Bucket bucket(int index, int files, long eachBytes) {
        List<ManifestEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < files; i++) {
            entries.add(
                    new ManifestEntry("/b" + index + "/f" + i, "h" + index + "_" + i, eachBytes, null, Path.of("x")));
        }
        return new Bucket(index, 2, 1, false, entries);
    }

    UploadPlan plan(Bucket... buckets) {
        return new UploadPlan(1, UploadJwt.parse("x"), List.of(buckets));
    }

    UploadProgress progress(UploadProgress.Style style) {
        return new UploadProgress(new PrintWriter(text), style, now::get, Duration.ofSeconds(5));
    }

    @Test
    void plainPrintsALineAtMostEveryInterval() {
        Bucket b1 = bucket(1, 10, MIB);
        Bucket b2 = bucket(2, 10, MIB);
        UploadProgress p = progress(UploadProgress.Style.PLAIN);
        p.sessionOpened(plan(b1, b2), 25, 25 * MIB, 6);
        for (int i = 0; i < 10; i++) {
            now.addAndGet(1_000_000_000L);
            p.bytesSent(b1, MIB);
        }
        p.bucketFinished(b1);
        List<String> lines = text.toString().lines().toList();
        assertEquals("Uploading 20 of 25 files (20.0 MiB) in 2 buckets, 6 at a time.", lines.get(0));
        assertEquals(
                List.of(
                        "Uploaded 0 of 20 files, 5.0 MiB of 20.0 MiB, 1.0 MiB/s, ETA 15 s",
                        "Uploaded 0 of 20 files, 10.0 MiB of 20.0 MiB, 1.0 MiB/s, ETA 10 s"),
                lines.subList(1, lines.size()));
    }

    @Test
    void liveRedrawsOneLineAndPrintsEventsAboveIt() {
        Bucket b1 = bucket(1, 2, MIB);
        Bucket b2 = bucket(2, 2, MIB);
        UploadProgress p = progress(UploadProgress.Style.LIVE);
        p.sessionOpened(plan(b1, b2), 4, 4 * MIB, 3);
        now.addAndGet(500_000_000L);
        p.bytesSent(b1, MIB);
        p.bucketRetried(
                b1,
                new RetryNotice(
                        b1.step(), 1, 6, "HTTP 500: 10013: oops", new RetryPolicy.Retry(Duration.ofMillis(1500))));
        p.concurrencyChanged(1);
        now.addAndGet(500_000_000L);
        p.bucketFinished(b2);
        p.finish();
        assertEquals(
                "Uploading 4 of 4 files (4.0 MiB) in 2 buckets, 3 at a time.\n"
                        + "\r\033[KUploaded 0 of 4 files, 1.0 MiB of 4.0 MiB, 2.0 MiB/s, ETA 2 s"
                        + "\r\033[Kupload bucket 1/2: attempt 1 of 6 failed (HTTP 500: 10013: oops); retrying in 1.5 s\n"
                        + "The API asked us to slow down: 1 request at a time for now.\n"
                        + "\r\033[KUploaded 2 of 4 files, 2.0 MiB of 4.0 MiB, 2.0 MiB/s, ETA 1 s"
                        + "\r\033[KUploaded 2 of 4 files, 2.0 MiB of 4.0 MiB, 2.0 MiB/s, ETA 1 s\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void summaryLines() {
        UploadResult r = new UploadResult(
                new CompletionToken("secret.jwt.value"), 120, 3 * MIB, 880, 9 * MIB, 7, 2, 1, Duration.ofMillis(4200));
        assertEquals(
                "Uploaded 120 files (3.0 MiB) in 7 requests; 880 files (9.0 MiB) already on Cloudflare; 2 retries, 1 token renewal;"
                        + " 4.2 s (731.4 KiB/s).",
                UploadSummary.text(r));
        UploadResult one = new UploadResult(new CompletionToken("t"), 1, 1, 1, 2, 1, 1, 0, Duration.ofMillis(1000));
        assertEquals(
                "Uploaded 1 file (1 B) in 1 request; 1 file (2 B) already on Cloudflare; 1 retry; 1.0 s (1 B/s).",
                UploadSummary.text(one));
        UploadResult none = new UploadResult(new CompletionToken("t"), 0, 0, 5, 47, 0, 0, 0, Duration.ofMillis(300));
        assertEquals(
                "Nothing to upload: all 5 files (47 B) are already on Cloudflare (0.3 s).", UploadSummary.text(none));
        assertTrue(!r.toString().contains("secret.jwt.value"), "the token record hides the token");
    }

    @Test
    void fileNamesAndTheApisReasonsAreEscaped() {
        ManifestEntry hostile = new ManifestEntry("/.env\n::error::x\u001b[2J", "h", 1, null, Path.of("x"));
        Bucket single = new Bucket(1, 1, 1, true, List.of(hostile));
        UploadProgress p = progress(UploadProgress.Style.PLAIN);
        p.sessionOpened(plan(single), 1, 1, 1);
        p.bucketRetried(
                single,
                new RetryNotice(
                        single.step(), 1, 6, "HTTP 500: \u0007oops\r", new RetryPolicy.Retry(Duration.ofSeconds(1))));
        assertEquals(
                "Uploading 1 of 1 files (1 B) in 1 bucket, 1 at a time.\n"
                        + "upload file /.env\\n::error::x\\e[2J: attempt 1 of 6 failed (HTTP 500: \\x07oops\\r);"
                        + " retrying in 1.0 s\n",
                text.toString().replace(System.lineSeparator(), "\n"));
    }
}
