package dev.assetsdeploy.upload;

import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.MutableClock;
import dev.assetsdeploy.fakeapi.UploadFault;
import dev.assetsdeploy.fakeapi.UploadFault.Action;
import dev.assetsdeploy.manifest.HashCacheLocation;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End-to-end runs against the strict fake API, with faults. Backoffs are recorded, not slept. */
class UploaderTest {

    @TempDir
    Path dir;

    FakeCloudflareApi api;
    MutableClock clock = MutableClock.ofNow();
    List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ApiClient client;
    Manifest manifest;

    @BeforeEach
    void start() throws IOException {
        api = FakeCloudflareApi.start();
        api.settings.clock = clock;
        api.settings.maxBucketFiles = 4;
        client = client(Duration.ofSeconds(10));
        manifest = site(18);
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    ApiClient client(Duration responseTimeout) {
        return new ApiClient(ApiSettings.of(
                        api.baseUrl(), api.settings.accountId, new Credentials.ApiToken(api.settings.apiToken), "test")
                .withTimeouts(Duration.ofSeconds(5), responseTimeout)
                .withRetry(RetryPolicy.DEFAULT.withSleeper(sleeps::add)));
    }

    Manifest site(int files) throws IOException {
        Random random = new Random(42);
        for (int i = 0; i < files; i++) {
            byte[] bytes = new byte[random.nextInt(5000) + (i == 0 ? 0 : 1)];
            random.nextBytes(bytes);
            String name = switch (i % 4) {
                case 0 -> "page" + i + ".html";
                case 1 -> "img/pic" + i + ".png";
                case 2 -> "data" + i + ".unknownext";
                default -> "LICENSE" + i;
            };
            Path f = dir.resolve("site").resolve(name);
            Files.createDirectories(f.getParent());
            Files.write(f, i == 0 ? new byte[0] : bytes);
        }
        return new ManifestBuilder().build(dir.resolve("site"));
    }

    UploadResult upload(int concurrency, int attempts) {
        UploadPolicy policy = UploadPolicy.defaults()
                .withConcurrency(concurrency)
                .withClock(clock)
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(attempts).withSleeper(sleeps::add));
        return new Uploader(client, policy, recorder()).upload(manifest, new UploadTarget("site", null));
    }

    UploadListener recorder() {
        return new UploadListener() {
            @Override
            public void sessionOpened(UploadPlan plan, int totalFiles, long totalBytes, int concurrency) {
                events.add("session " + plan.session() + " " + plan.buckets().size() + " buckets, concurrency "
                        + concurrency);
            }

            @Override
            public void bucketRetried(Bucket bucket, RetryNotice notice) {
                events.add("retry " + bucket.index() + ": " + notice.reason());
            }

            @Override
            public void concurrencyChanged(int limit) {
                events.add("limit " + limit);
                limitChanges.accept(limit);
            }

            @Override
            public void tokenRenewed(String reason, UploadPlan next) {
                events.add("renewed: " + reason + " -> session " + next.session() + " " + next.files() + " files");
            }
        };
    }

    /** Told of each change of the concurrency limit, after it is recorded in {@link #events}. */
    IntConsumer limitChanges = limit -> {};

    /**
     * A fault's answer once {@code latch} is open; after a minute without, the answer all the same (the test's
     * assertions then say what did not happen), so that a broken test fails instead of hanging.
     */
    static Action awaitThenPass(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Action.pass();
    }

    Set<String> hashes() {
        return manifest.entries().stream().map(ManifestEntry::hash).collect(Collectors.toSet());
    }

    void assertCompleteAndCorrect(UploadResult result) {
        assertEquals(hashes(), api.storedHashes());
        assertTrue(api.isValidCompletionToken(result.token().jwt()), "completion token is live");
        assertEquals(List.of(), api.problems());
    }

    @Test
    void uploadsEveryBucketAndReturnsTheCompletionToken() {
        UploadResult result = upload(3, 3);
        assertCompleteAndCorrect(result);
        assertEquals(18, result.filesUploaded());
        assertEquals(manifest.totalBytes(), result.bytesUploaded());
        assertEquals(0, result.filesAlreadyUploaded());
        assertEquals(5, result.buckets());
        assertEquals(5, api.uploadRequests());
        assertEquals(0, result.retries());
        assertEquals(
                "application/null",
                api.contentTypes()
                        .get(manifest.entry("/data2.unknownext").orElseThrow().hash()));
        assertEquals(
                "text/html; charset=utf-8",
                api.contentTypes()
                        .get(manifest.entry("/page0.html").orElseThrow().hash()));
    }

    @Test
    void aSecondRunUploadsNothing() {
        upload(3, 3);
        UploadResult again = upload(3, 3);
        assertEquals(
                List.of(0, 0, 0),
                List.of(again.filesUploaded(), again.buckets(), again.renewals()),
                "nothing to upload");
        assertEquals(18, again.filesAlreadyUploaded());
        assertEquals(5, api.uploadRequests());
        assertCompleteAndCorrect(again);
    }

    @Test
    void dispatchNamespaceSessions() {
        UploadPolicy policy = UploadPolicy.defaults().withClock(clock);
        UploadResult result = new Uploader(client, policy, UploadListener.NONE)
                .upload(manifest, new UploadTarget("site", "customers"));
        assertCompleteAndCorrect(result);
    }

    @Test
    void retries500sThenCompletes() {
        api.settings.fault = n -> n <= 3 ? Action.status(500, null) : Action.pass();
        UploadResult result = upload(2, 6);
        assertCompleteAndCorrect(result);
        assertEquals(3, result.retries());
        assertTrue(
                events.stream().anyMatch(e -> e.contains("HTTP 500 (cf-ray fake1-LHR): 10013: injected HTTP 500")),
                events.toString());
    }

    /**
     * The other three buckets in flight are answered only once the 429 has lowered the limit, so that their successes
     * raise it again whatever the threads' timing (answered first, they would meet the limit still at 4).
     */
    @Test
    void honoursRetryAfterAndLowersConcurrencyOn429ThenRecovers() {
        CountDownLatch lowered = new CountDownLatch(1);
        limitChanges = limit -> {
            if (limit == 2) {
                lowered.countDown();
            }
        };
        api.settings.fault = n -> n == 1 ? Action.status(429, "17") : awaitThenPass(lowered);
        UploadResult result = upload(4, 6);
        assertCompleteAndCorrect(result);
        assertTrue(sleeps.stream().anyMatch(d -> d.toSeconds() >= 17), sleeps.toString());
        assertTrue(events.contains("limit 2"), events.toString());
        assertTrue(events.contains("limit 4"), "recovers: " + events);
    }

    /** wrangler's isGatewayError: 502, 503, 504 and 524 drop the uploads to one in flight, and wait longer. */
    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504, 524})
    void dropsToOneInFlightAndWaitsLongerOnAGatewayError(int status) {
        api.settings.fault = n -> n == 2 ? Action.status(status, null) : Action.pass();
        UploadResult result = upload(3, 6);
        assertCompleteAndCorrect(result);
        assertTrue(events.contains("limit 1"), events.toString());
        assertEquals(1, sleeps.size(), sleeps.toString());
        assertTrue(
                sleeps.get(0).compareTo(Duration.ofMillis(2500)) >= 0, "a gateway's first wait is 2.5-5 s: " + sleeps);
    }

    @Test
    void survivesConnectionsDroppedMidBody() {
        api.settings.fault = n -> n % 3 == 1 ? Action.drop() : Action.pass();
        UploadResult result = upload(2, 6);
        assertCompleteAndCorrect(result);
        assertTrue(result.retries() >= 2);
    }

    /**
     * The first answer comes long after the timeout (closing the fake ends its wait), and the timeout is long enough
     * that no other answer, on a loaded machine, comes after it.
     */
    @Test
    void retriesSlowResponsesAfterTheResponseTimeout() {
        client.close();
        client = client(Duration.ofSeconds(1));
        api.settings.fault = n -> n == 1 ? Action.delay(Duration.ofMinutes(1)) : Action.pass();
        UploadResult result = upload(1, 3);
        assertCompleteAndCorrect(result);
        assertEquals(1, result.retries());
        assertTrue(events.stream().anyMatch(e -> e.contains("(timeout)")), events.toString());
    }

    @Test
    void opensANewSessionWhenTheTokenWillExpireSoon() {
        api.settings.fault = n -> {
            if (n == 2) {
                clock.advance(Duration.ofMinutes(57));
            }
            return Action.pass();
        };
        UploadResult result = upload(1, 3);
        assertCompleteAndCorrect(result);
        assertEquals(1, result.renewals());
        assertEquals(2, api.sessionsOpened());
        assertEquals(
                List.of("session 1: asked for 18 hashes in 5 buckets", "session 2: asked for 10 hashes in 3 buckets"),
                api.sessionLog());
        assertTrue(
                events.stream().anyMatch(e -> e.startsWith("renewed: the upload token expires at")), events.toString());
        assertTrue(api.partsReceived().values().stream().allMatch(c -> c == 1), "nothing sent twice");
    }

    @Test
    void opensANewSessionWhenTheApiRefusesAnExpiredToken() {
        api.settings.fault = n -> {
            if (n == 3) {
                clock.advance(Duration.ofMinutes(61));
            }
            return Action.pass();
        };
        UploadResult result = upload(1, 3);
        assertCompleteAndCorrect(result);
        assertEquals(1, result.renewals());
        assertTrue(
                events.stream().anyMatch(e -> e.startsWith("renewed: the API refused the upload token (HTTP 401)")),
                events.toString());
        assertEquals(
                List.of("session 1: asked for 18 hashes in 5 buckets", "session 2: asked for 10 hashes in 3 buckets"),
                api.sessionLog());
    }

    @Test
    void parallelBucketsRefusedTogetherRenewOnce() {
        api.settings.fault = n -> {
            if (n == 2) {
                clock.advance(Duration.ofMinutes(61));
            }
            return Action.pass();
        };
        UploadResult result = upload(3, 3);
        assertCompleteAndCorrect(result);
        assertEquals(1, result.renewals());
        assertEquals(2, api.sessionsOpened());
    }

    @Test
    void failsNamingAFileThatChangedContentSinceHashing() throws IOException {
        ManifestEntry victim = manifest.entry("/img/pic5.png").orElseThrow();
        byte[] bytes = Files.readAllBytes(victim.file());
        bytes[0] ^= 1;
        Files.write(victim.file(), bytes);
        assertFails(
                FileChangedException.class,
                Kind.INVALID_INPUT,
                "/img/pic5.png (" + victim.file() + ") changed while the"
                        + " upload was running (its content no longer matches the hash taken at the start): nothing inconsistent"
                        + " was deployed; run again once the folder has stopped changing",
                () -> upload(1, 3));
        assertFalse(api.storedHashes().contains(victim.hash()));
        assertTrue(api.problems().isEmpty(), "the fake never accepted it: " + api.problems());
    }

    /** The hash cache on, and the clock an hour on: every entry has a stamp old enough to vouch for its bytes. */
    Manifest stampedSite() {
        long hourLater = (System.currentTimeMillis() + Duration.ofHours(1).toMillis()) * 1_000_000L;
        return new ManifestBuilder()
                .withCache(HashCacheLocation.in(dir.resolve("hash-cache")))
                .withClock(() -> hourLater)
                .build(dir.resolve("site"));
    }

    @Test
    void aStampedFileWrittenToAfterHashingFailsByItsStamp() throws IOException {
        manifest = stampedSite();
        ManifestEntry victim = manifest.entry("/img/pic5.png").orElseThrow();
        assertNotNull(victim.stamp());
        byte[] bytes = Files.readAllBytes(victim.file());
        bytes[0] ^= 1;
        Files.write(victim.file(), bytes);
        // Same size, old modification time put back: the change time still moves.
        Files.setLastModifiedTime(victim.file(), FileTime.from(victim.stamp().modifiedNanos(), TimeUnit.NANOSECONDS));
        assertFails(
                FileChangedException.class,
                Kind.INVALID_INPUT,
                "/img/pic5.png (" + victim.file() + ") changed while the upload was running (its size, times or inode"
                        + " changed after it was hashed: written to, touched or replaced): nothing inconsistent was"
                        + " deployed; run again once the folder has stopped changing",
                () -> upload(1, 3));
        assertFalse(api.storedHashes().contains(victim.hash()));
    }

    /**
     * A stamped file is sent without hashing its bytes again (its stamp says they are the hashed ones): given a
     * wrong hash, it is the fake, which checks every part, that sees it; an entry without a stamp is refused here.
     */
    @Test
    void aStampedFileIsNotHashedAgainWhileItIsSent() {
        for (boolean stamped : new boolean[] {true, false}) {
            Manifest site = stampedSite();
            List<ManifestEntry> entries = new ArrayList<>();
            for (ManifestEntry e : site.entries()) {
                entries.add(
                        e.path().equals("/page4.html")
                                ? new ManifestEntry(
                                        e.path(),
                                        "0".repeat(32),
                                        e.size(),
                                        e.contentType(),
                                        e.file(),
                                        stamped ? e.stamp() : null)
                                : e);
            }
            manifest = new Manifest(site.root(), entries, site.ignored(), site.warnings(), site.cache());
            api.forgetStored();
            int before = api.problems().size();
            assertThrows(AssetsDeployException.class, () -> upload(1, 1));
            List<String> seen = api.problems().subList(before, api.problems().size());
            assertEquals(
                    stamped,
                    seen.stream().anyMatch(p -> p.contains("0".repeat(32))),
                    "stamped " + stamped + ": " + seen);
        }
    }

    @Test
    void failsNamingAFileThatChangedSize() throws IOException {
        ManifestEntry victim = manifest.entry("/LICENSE3").orElseThrow();
        Files.write(victim.file(), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        assertFailsContaining(
                FileChangedException.class,
                Kind.INVALID_INPUT,
                () -> upload(2, 3),
                "/LICENSE3",
                "it is now longer than the");
        assertFalse(api.storedHashes().contains(victim.hash()));
    }

    @Test
    void anUnreadableFileFailsAtOnceInsteadOfBeingRetriedAsANetworkError() throws IOException {
        ManifestEntry victim = manifest.entry("/page4.html").orElseThrow();
        Files.delete(victim.file());
        Files.createDirectory(victim.file());
        AssetsDeployException e = assertFailsContaining(
                Kind.INVALID_INPUT,
                () -> upload(1, 5),
                "cannot read /page4.html (",
                "): Is a directory; fix it and run again (nothing inconsistent was deployed)");
        assertTrue(e.getMessage().startsWith("cannot read /page4.html ("), e.getMessage());
        assertEquals(0, sleeps.size(), "not retried");
    }

    @Test
    void aDeletedFileIsAChangedFile() throws IOException {
        ManifestEntry victim = manifest.entry("/page4.html").orElseThrow();
        Files.delete(victim.file());
        assertFailsContaining(
                FileChangedException.class, Kind.INVALID_INPUT, () -> upload(1, 5), "/page4.html", "it was deleted");
    }

    @Test
    void givesUpAfterBoundedAttemptsNamingTheBucketItsFilesAndTheLastError() {
        api.settings.fault = n -> Action.status(502, null);
        AssetsDeployException e = assertFailsContaining(
                Kind.NETWORK,
                () -> upload(1, 3),
                "; its 4 files: /LICENSE11, /LICENSE15, /LICENSE3, /LICENSE7; run again to resume");
        assertTrue(
                e.getMessage()
                        .startsWith("upload bucket 1/5 failed after 3 attempts, last error: HTTP 502 (cf-ray fake"),
                e.getMessage());
        assertEquals(3, api.uploadRequests());
    }

    @Test
    void doesNotRetryOther4xx() {
        api.settings.fault = n -> Action.status(400, null);
        AssetsDeployException e =
                assertFailsContaining(Kind.API_REFUSED, () -> upload(1, 5), "10013: injected HTTP 400");
        assertEquals(1, api.uploadRequests());
        assertTrue(e.getMessage().startsWith("upload bucket 1/5: HTTP 400"), e.getMessage());
    }

    @Test
    void aRerunAfterAKillUploadsOnlyWhatIsMissing() {
        // The "kill": after 2 accepted buckets every request dies, and the run stops.
        api.settings.fault = n -> n > 2 ? Action.drop() : Action.pass();
        assertFailsContaining(
                Kind.NETWORK, () -> upload(1, 1), " failed after 1 attempt, last error: ", "; run again to resume");
        Set<String> afterKill = api.storedHashes();
        assertEquals(8, afterKill.size());
        api.settings.fault = UploadFault.NONE;
        UploadResult rerun = upload(3, 3);
        assertCompleteAndCorrect(rerun);
        assertEquals(8, rerun.filesAlreadyUploaded());
        assertEquals(10, rerun.filesUploaded());
        assertTrue(
                api.partsReceived().values().stream().allMatch(c -> c == 1),
                "nothing accepted twice: " + api.partsReceived());
        assertEquals(
                "session 2: asked for 10 hashes in 3 buckets", api.sessionLog().get(1));
    }

    @Test
    void singleFileModeWhenTheTokenAsksForIt() {
        api.settings.singleFileUploads = true;
        api.settings.edgeKvUploadConcurrency = 4;
        UploadResult result = upload(3, 3);
        assertCompleteAndCorrect(result);
        assertEquals(18, api.uploadRequests());
        assertTrue(events.get(0).endsWith("concurrency 4"), events.toString());
        assertEquals(
                "text/html; charset=utf-8",
                api.contentTypes()
                        .get(manifest.entry("/page4.html").orElseThrow().hash()));
        assertEquals(
                "application/null",
                api.contentTypes()
                        .get(manifest.entry("/data2.unknownext").orElseThrow().hash()));
    }
}
