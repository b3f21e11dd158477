package dev.assetsdeploy.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a separate process, against the fake API in this JVM: a 500 MB site
 * uploads with {@code -Xmx96m} (memory stays flat: parts stream from disk, and the fake checks
 * them while they stream in), and a process killed mid-upload, run again, sends only what is
 * still missing. Runs in {@code mvn verify} (needs the jar from {@code package}).
 */
class UploadMemoryIT {

    @TempDir
    Path tmp;

    FakeCloudflareApi api;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static void site(Path dir, int files, long totalBytes, long maxFile) throws IOException {
        Random random = new Random(7);
        byte[] buf = new byte[1 << 16];
        long each = (totalBytes - 4 * maxFile) / (files - 4);
        for (int i = 0; i < files; i++) {
            long size = i < 4 ? maxFile : each;
            Path f = dir.resolve("d" + (i % 20)).resolve("f" + i + (i % 2 == 0 ? ".png" : ".bin"));
            Files.createDirectories(f.getParent());
            try (OutputStream out = Files.newOutputStream(f)) {
                for (long left = size; left > 0; left -= buf.length) {
                    random.nextBytes(buf);
                    out.write(buf, 0, (int) Math.min(buf.length, left));
                }
            }
        }
    }

    Process upload(Path dir, String... extra) throws IOException {
        Path jar = Path.of("target/assets-deploy.jar");
        assertTrue(Files.exists(jar), "run mvn package first");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m",
                "-XX:+ExitOnOutOfMemoryError",
                "-jar",
                jar.toString(),
                "upload",
                dir.toString(),
                "--script",
                "big",
                "--quiet",
                "--json",
                "--max-files",
                "100000"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out-" + System.nanoTime() + ".log").toFile());
        pb.environment().put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        pb.environment().put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        pb.environment().put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // not the caller's hash cache
        return pb.start();
    }

    Set<String> hashes(Path dir) {
        return new ManifestBuilder(100_000, 2)
                .build(dir).entries().stream().map(e -> e.hash()).collect(Collectors.toSet());
    }

    @Test
    void a500MegabyteSiteUploadsWith96MegabytesOfHeap() throws Exception {
        Path dir = tmp.resolve("big");
        // 500 MiB: four files of the 25 MiB maximum (each one part of ~33 MiB Base64) and 1,000 of 400 KiB.
        site(dir, 1_004, 500L * 1024 * 1024, 25L * 1024 * 1024);
        Process p = upload(dir);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "upload finished in time");
        assertEquals(0, p.exitValue());
        assertEquals(hashes(dir), api.storedHashes());
        assertEquals(List.of(), api.problems());
    }

    @Test
    void aKilledUploadRunAgainSendsOnlyWhatIsMissing() throws Exception {
        Path dir = tmp.resolve("kill");
        site(dir, 60, 6L * 1024 * 1024, 100_000);
        api.settings.maxBucketFiles = 5;
        api.settings.uploadResponseDelay = Duration.ofMillis(300);
        Process first = upload(dir, "--concurrency", "1");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (api.storedHashes().size() < 15 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.destroyForcibly().waitFor();
        Thread.sleep(1000); // a request the fake had fully received before the kill is still stored
        int afterKill = api.storedHashes().size();
        assertTrue(afterKill >= 15 && afterKill < 60, "killed mid-upload: " + afterKill);

        api.settings.uploadResponseDelay = Duration.ZERO;
        Process second = upload(dir, "--concurrency", "3");
        assertTrue(second.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, second.exitValue());
        assertEquals(hashes(dir), api.storedHashes());
        assertEquals(
                "session 2: asked for " + (60 - afterKill) + " hashes in " + (int) Math.ceil((60 - afterKill) / 5.0)
                        + " buckets",
                api.sessionLog().get(1));
        assertTrue(api.partsReceived().values().stream().allMatch(c -> c == 1), "nothing accepted twice");
        assertEquals(List.of(), api.problems());
    }
}
