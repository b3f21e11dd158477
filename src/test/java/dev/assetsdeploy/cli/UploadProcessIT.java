package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged jar's {@code upload} as a process, against the fake API in this JVM: real signals mid-upload (Ctrl+C,
 * SIGINT, exits 130 and SIGTERM 143, each with one line saying what was interrupted and that a rerun resumes, and
 * {@code --json} ends with an {@code error} event), and the real {@code /dev/stdout} as {@code --token-out}. Runs in
 * {@code mvn verify} (needs the jar from {@code package}).
 */
class UploadProcessIT {

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

    Process upload(Path site, Path out, Path err, String... extra) throws IOException {
        assertTrue(Files.isRegularFile(Path.of("target/assets-deploy.jar")), "build the jar first: mvn package");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                Path.of("target/assets-deploy.jar").toAbsolutePath().toString(),
                "upload",
                site.toString(),
                "--script",
                "s",
                "--concurrency",
                "1"));
        command.addAll(List.of(extra));
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        pb.environment().put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        pb.environment().put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().put("XDG_CACHE_HOME", site.resolveSibling("xdg-cache").toString()); // not the caller's cache
        return pb.start();
    }

    @ParameterizedTest
    @CsvSource({"INT, 130", "TERM, 143"})
    void aSignalMidUploadSaysWhatStoppedAndEndsTheEventsWithAnError(String signal, int exitCode) throws Exception {
        Path site = site(20);
        api.settings.maxBucketFiles = 2;
        api.settings.uploadResponseDelay = Duration.ofSeconds(1);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = upload(site, out, err, "--json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.readString(out).split("\"bucket_finished\"", -1).length <= 2 && System.nanoTime() < deadline) {
            Thread.sleep(50); // two buckets are up, the third is in flight
        }
        assertEquals(
                0,
                new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
                        .start()
                        .waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the jar ended");

        assertEquals(exitCode, p.exitValue());
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(
                errText.endsWith("error: interrupted during the upload: run the same command again;"
                        + " only what is missing is sent\n"),
                errText);
        List<String> events = Files.readString(out).lines().toList();
        JsonObject last = JsonParser.parseString(events.get(events.size() - 1)).getAsJsonObject();
        assertEquals("error", last.get("event").getAsString(), events.toString());
        assertEquals("interrupted", last.get("kind").getAsString());
        int stored = api.storedHashes().size();
        assertTrue(stored >= 4 && stored < 20, "stopped mid-upload: " + stored);

        api.settings.uploadResponseDelay = Duration.ZERO;
        Process rerun = upload(site, tmp.resolve("out2"), tmp.resolve("err2"), "--json");
        assertTrue(rerun.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, rerun.exitValue(), Files.readString(tmp.resolve("err2")));
        assertEquals(20, api.storedHashes().size());
        int askedAgain = Integer.parseInt(api.sessionLog().get(1).replaceAll("session 2: asked for (\\d+) .*", "$1"));
        assertTrue(askedAgain <= 20 - 4, "the rerun resumed: " + api.sessionLog());
    }

    /** The process's stdout is a file here: --token-out must write into it, never replace /dev/stdout. */
    @Test
    void tokenOutDevStdoutWritesTheTokenOnStdout() throws Exception {
        Path out = tmp.resolve("out");
        Process p = upload(site(3), out, tmp.resolve("err"), "--token-out", "/dev/stdout", "-q");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("err")));
        List<String> lines = Files.readString(out).lines().toList();
        assertTrue(api.isValidCompletionToken(lines.get(0)), lines.toString());
        assertEquals("Completion token written to /dev/stdout (valid about an hour).", lines.get(lines.size() - 1));
        assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")) || !Files.isRegularFile(Path.of("/dev/stdout")));
    }

    Path site(int files) throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        for (int i = 0; i < files; i++) {
            Files.writeString(site.resolve("page" + i + ".html"), "page " + i);
        }
        return site;
    }
}
