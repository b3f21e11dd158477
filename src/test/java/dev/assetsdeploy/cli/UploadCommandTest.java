package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.TestFiles;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.UploadFault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assets-deploy upload} through {@link AssetsDeploy#execute}, against the fake API. */
class UploadCommandTest {

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    @TempDir
    Path tmp;

    FakeCloudflareApi api;
    Path site;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void start() throws Exception {
        api = FakeCloudflareApi.start();
        api.settings.maxBucketFiles = 3;
        site = tmp.resolve("site");
        Files.createDirectories(site.resolve("css"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("about.html"), "<h1>about</h1>");
        Files.writeString(site.resolve("css/app.css"), "body{color:red}");
        Files.write(site.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
        Files.writeString(site.resolve("notes.weird"), "x");
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    /** Neither the API token nor any JWT (upload or completion) anywhere in the output. */
    void assertNoSecrets() {
        assertFalse((out + err).contains(api.settings.apiToken), "API token leaked");
        Matcher m = JWT.matcher(out + err);
        assertFalse(m.find(), () -> "a JWT leaked: " + out + err);
    }

    /** A bare token line would break the NDJSON stream on stdout; the done event carries the token without it. */
    @Test
    void jsonWithTheTokenOnStdoutIsAUsageErrorBeforeAnyRequest() {
        assertEquals(2, run("upload", site.toString(), "--script", "my-site", "--json", "--token-out", "/dev/stdout"));
        assertTrue(
                err.startsWith("error: --token-out /dev/stdout with --json would put the token between the events on"
                        + " stdout: leave --token-out out, and read the done event's completion_token\n"),
                err);
        assertEquals(0, api.sessionsOpened());
    }

    /** A URL's scheme is case-insensitive (RFC 3986), as it is to wrangler's URL parser. */
    @Test
    void anUpperCaseSchemeInTheBaseUrlIsTheSameUrl() {
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl().replaceFirst("^http://", "HTTP://"));
        assertEquals(0, run("upload", site.toString(), "--script", "my-site"), err);
        assertEquals(5, api.storedHashes().size());
    }

    @Test
    void uploadsAndWritesTheTokenFileWithMode600() throws Exception {
        Path tokenFile = tmp.resolve("token.txt");
        int code =
                run("upload", site.toString(), "--script", "my-site", "--token-out", tokenFile.toString(), "--verbose");
        assertEquals(0, code, err);
        String token = Files.readString(tokenFile).strip();
        assertTrue(api.isValidCompletionToken(token));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
        assertEquals(5, api.storedHashes().size());
        assertTrue(
                out.startsWith(
                        "Uploaded 5 files (47 B) in 2 requests; 0 files (0 B) already on Cloudflare; 0 retries;"),
                out);
        assertTrue(out.contains("Completion token written to " + tokenFile), out);
        assertTrue(err.contains("Uploading 5 of 5 files (47 B) in 2 buckets, 6 at a time."), err);
        assertTrue(
                err.contains("POST /accounts/" + api.settings.accountId + "/workers/assets/upload?base64=true -> 20"),
                "verbose trace: " + err);
        assertNoSecrets();
        assertEquals(List.of(), api.problems());
        try (var files = Files.list(tmp)) {
            assertEquals(
                    List.of("site", "token.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp file left");
        }
    }

    @Test
    void tokenOutWritesIntoAFifoAsItIs() throws Exception {
        Path fifo = tmp.resolve("token.fifo");
        TestFiles.mkfifo(fifo);
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> TestFiles.readString(fifo));
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--token-out", fifo.toString()), err);
        String token = reader.get(20, TimeUnit.SECONDS).strip();
        assertTrue(api.isValidCompletionToken(token), token);
        assertTrue(TestFiles.isOther(fifo), "still a FIFO");
    }

    @Test
    void tokenOutWritesIntoACharacterDeviceAsItIs() throws Exception {
        Path devNull = tmp.resolve("null");
        TestFiles.mknod(devNull, "c", 1, 3);
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--token-out", devNull.toString()), err);
        assertTrue(TestFiles.isOther(devNull), "still the null device, not a file holding the token");
        assertTrue(out.contains("Completion token written to " + devNull), out);
    }

    @Test
    void tokenOutFollowsASymbolicLinkAndKeepsIt() throws Exception {
        Path target = Files.writeString(tmp.resolve("real-token"), "older\n");
        Path link = Files.createSymbolicLink(tmp.resolve("token"), target);
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--token-out", link.toString()), err);
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertTrue(api.isValidCompletionToken(Files.readString(target).strip()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void tokenOutThatCannotBeWrittenFailsBeforeAnyUpload() {
        assertEquals(3, run("upload", site.toString(), "--script", "s", "--token-out", "/"));
        assertEquals("error: --token-out /: is a folder; name a file in it\n", err);
        Path noFolder = tmp.resolve("no-such-folder/token");
        assertEquals(3, run("upload", site.toString(), "--script", "s", "--token-out", noFolder.toString()));
        assertEquals(
                "error: --token-out " + noFolder + ": the folder " + noFolder.getParent() + " does not exist\n", err);
        assertEquals(0, api.sessionsOpened());
    }

    /** A failed rerun must not leave the last run's token for a deploy to pick up. */
    @Test
    void aFailedRerunLeavesNoTokenForADeploy() throws Exception {
        Path tokenFile = tmp.resolve("token");
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--token-out", tokenFile.toString()), err);
        String first = Files.readString(tokenFile);
        Files.writeString(site.resolve("new.html"), "new");
        api.settings.fault = n -> UploadFault.Action.status(500, null);
        assertEquals(
                6,
                run(
                        "upload",
                        site.toString(),
                        "--script",
                        "s",
                        "--token-out",
                        tokenFile.toString(),
                        "-q",
                        "--max-attempts",
                        "1"));
        assertFalse(Files.readString(tokenFile).contains(first.strip()), "the older token is gone");
        Files.writeString(tmp.resolve("wrangler.json"), "{\"name\": \"s\", \"compatibility_date\": \"2025-01-01\"}");
        assertEquals(
                3,
                run(
                        "deploy",
                        "--config",
                        tmp.resolve("wrangler.json").toString(),
                        "--assets-token-file",
                        tokenFile.toString()));
        assertEquals(
                "error: --assets-token-file " + tokenFile + ": the upload that writes it did not finish;"
                        + " run `assets-deploy upload DIR --token-out FILE` again (it only sends what is missing)\n",
                err);
        assertEquals(List.of(), api.workerRequests());
    }

    /** The Retry-After: 3600 on the session meant two minutes of silence per attempt. */
    @Test
    void aLongRetryAfterIsCappedAndEachRetrySaysWhatItWaitsFor() {
        api.settings.sessionFault = n -> n == 1 ? UploadFault.Action.status(429, "3600") : UploadFault.Action.pass();
        api.settings.fault = n -> n == 1 ? UploadFault.Action.status(500, null) : UploadFault.Action.pass();
        List<Duration> sleeps = new java.util.concurrent.CopyOnWriteArrayList<>();
        CliRun r = CliRun.execute(
                Environment.of(env).withSleeper(sleeps::add),
                "upload",
                site.toString(),
                "--script",
                "s",
                "--concurrency",
                "1");
        assertEquals(0, r.code(), r.err());
        assertEquals(Duration.ofSeconds(60), sleeps.get(0));
        assertEquals(2, sleeps.size(), sleeps.toString());
        List<String> lines = r.err().lines().toList();
        assertEquals(
                "upload session: attempt 1 of 6 failed (HTTP 429 (cf-ray fakesession1-LHR): 971: injected HTTP 429);"
                        + " the API asked to wait 3600 s (Retry-After), more than the 60 s we wait at most:"
                        + " retrying in 60 s",
                lines.get(0));
        assertTrue(
                lines.get(2)
                        .startsWith("upload bucket 1/2: attempt 1 of 6 failed (HTTP 500 (cf-ray fake1-LHR): 10013:"
                                + " injected HTTP 500); retrying in "),
                r.err());
    }

    @Test
    void jsonGivesEveryRetryAsAnEvent() {
        api.settings.sessionFault = n -> n == 1 ? UploadFault.Action.status(503, null) : UploadFault.Action.pass();
        CliRun r = CliRun.execute(
                Environment.of(env).withSleeper(d -> {}), "upload", site.toString(), "--script", "s", "--json", "-q");
        assertEquals(0, r.code(), r.err());
        JsonObject retried = JsonParser.parseString(r.out().lines().findFirst().orElseThrow())
                .getAsJsonObject();
        assertEquals("request_retried", retried.get("event").getAsString(), r.out());
        assertEquals("upload session", retried.get("step").getAsString());
        assertEquals(1, retried.get("attempt").getAsInt());
        assertEquals(6, retried.get("attempts").getAsInt());
        assertTrue(retried.get("delay_ms").getAsLong() >= 2500, retried.toString());
        assertEquals(
                "HTTP 503 (cf-ray fakesession1-LHR): 10013: injected HTTP 503",
                retried.get("reason").getAsString());
        assertEquals("", r.err());
    }

    /** Ctrl+C mid-upload, as the JVM's shutdown hooks run it: one line, and --json ends with an error event. */
    @Test
    void anInterruptedUploadSaysSoAndThatARerunResumes() throws Exception {
        api.settings.uploadResponseDelay = Duration.ofMillis(500);
        CompletableFuture<Runnable> interrupt = new CompletableFuture<>();
        CliRun.Running running = CliRun.start(
                Environment.of(env).withShutdown(interrupt::complete),
                "upload",
                site.toString(),
                "--script",
                "s",
                "--json",
                "--concurrency",
                "1");
        Runnable ctrlC = interrupt.get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (api.uploadRequests() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        ctrlC.run();
        CliRun run = running.await();
        assertTrue(
                run.err()
                        .endsWith("error: interrupted during the upload: run the same command again;"
                                + " only what is missing is sent\n"),
                run.err());
        List<String> lines = run.out().lines().toList();
        JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("error", last.get("event").getAsString(), run.out());
        assertEquals("interrupted", last.get("kind").getAsString());
        assertEquals(
                "interrupted during the upload: run the same command again; only what is missing is sent",
                last.get("message").getAsString());
        assertEquals(
                1, lines.stream().filter(l -> l.contains("\"event\":\"error\"")).count(), run.out());
    }

    @Test
    void aFailedJsonUploadEndsItsEventsWithAnErrorEvent() {
        api.settings.fault = n -> UploadFault.Action.status(500, null);
        assertEquals(6, run("upload", site.toString(), "--script", "s", "--json", "-q", "--max-attempts", "1"));
        List<String> lines = out.lines().toList();
        JsonObject last = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
        assertEquals("error", last.get("event").getAsString(), out);
        assertEquals("network", last.get("kind").getAsString());
        assertEquals(6, last.get("exit_code").getAsInt());
        assertEquals(err.strip(), "error: " + last.get("message").getAsString());

        assertEquals(3, run("upload", site.toString(), "--script", "s", "--json", "--token-out", "/"));
        assertEquals(
                "{\"event\":\"error\",\"kind\":\"invalid_input\",\"exit_code\":3,"
                        + "\"message\":\"--token-out /: is a folder; name a file in it\"}\n",
                out);
        assertEquals(2, run("upload", site.toString(), "--script", "../x", "--json"));
        assertTrue(out.startsWith("{\"event\":\"error\",\"kind\":\"usage\",\"exit_code\":2,"), out);
    }

    @Test
    void secondRunSaysNothingToUpload() {
        assertEquals(0, run("upload", site.toString(), "--script", "my-site", "-q"));
        assertEquals("", err);
        assertEquals(0, run("upload", site.toString(), "--script", "my-site"));
        assertTrue(out.startsWith("Nothing to upload: all 5 files (47 B) are already on Cloudflare"), out);
        assertNoSecrets();
    }

    @Test
    void jsonPrintsNdjsonEventsWithTheTokenOnlyInDone() {
        int code = run("upload", site.toString(), "--script", "my-site", "--json", "--concurrency", "1", "--quiet");
        assertEquals(0, code, err);
        List<JsonObject> events = out.lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject())
                .toList();
        assertEquals(
                List.of(
                        "session_opened",
                        "bucket_started",
                        "bucket_finished",
                        "bucket_started",
                        "bucket_finished",
                        "done"),
                events.stream().map(e -> e.get("event").getAsString()).toList());
        JsonObject opened = events.get(0);
        assertEquals(5, opened.get("files_to_upload").getAsInt());
        assertEquals(2, opened.get("buckets").getAsInt());
        JsonObject done = events.get(events.size() - 1);
        assertEquals(5, done.get("files_uploaded").getAsInt());
        String token = done.get("completion_token").getAsString();
        assertTrue(api.isValidCompletionToken(token));
        Matcher m = JWT.matcher(out);
        int jwts = 0;
        while (m.find()) {
            jwts++;
            assertEquals(token, m.group(), "only the completion token appears");
        }
        assertEquals(1, jwts);
        assertFalse((out + err).contains(api.settings.apiToken));
        assertEquals("", err);
    }

    @Test
    void jsonWithTokenOutLeavesTheTokenOutOfStdout() {
        Path tokenFile = tmp.resolve("t");
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--json", "--token-out", tokenFile.toString()));
        assertTrue(out.contains("\"token_file\":"), out);
        assertNoSecrets();
    }

    @Test
    void missingCredentialsFailBeforeAnyRequest() {
        env.remove("CLOUDFLARE_API_TOKEN");
        assertEquals(4, run("upload", site.toString(), "--script", "s"));
        assertTrue(err.startsWith("error: no credentials: set CLOUDFLARE_API_TOKEN"), err);
        assertTrue(err.contains("no flag takes a token"), err);
        env.put("CLOUDFLARE_API_KEY", "k123456");
        assertEquals(4, run("upload", site.toString(), "--script", "s"));
        assertTrue(err.startsWith("error: CLOUDFLARE_API_KEY is set but CLOUDFLARE_EMAIL is not"), err);
        assertEquals(0, api.sessionsOpened());
    }

    /** A line break in the token would split the Authorization header (and escape the scrubbing of messages). */
    @Test
    void aTokenWithALineBreakIsRefusedBeforeAnyRequest() {
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken + "\r\nX-Injected: 1");
        assertEquals(4, run("upload", site.toString(), "--script", "s"));
        assertEquals(
                "error: CLOUDFLARE_API_TOKEN holds a line break or another control character:"
                        + " copy it again, as one line\n",
                err);
        assertEquals(0, api.sessionsOpened());
        assertNoSecrets();
    }

    @Test
    void missingOrBadAccountFailsBeforeAnyRequest() {
        env.remove("CLOUDFLARE_ACCOUNT_ID");
        assertEquals(3, run("upload", site.toString(), "--script", "s"));
        assertTrue(err.startsWith("error: no account id: set CLOUDFLARE_ACCOUNT_ID or pass --account-id"), err);
        env.put("CLOUDFLARE_ACCOUNT_ID", "bad/id");
        assertEquals(3, run("upload", site.toString(), "--script", "s"));
        assertTrue(
                err.startsWith("error: CLOUDFLARE_ACCOUNT_ID is \"bad/id\", expected letters, digits, _ and - only\n"),
                err);
        assertEquals(0, api.sessionsOpened());
    }

    /** The issue's --script '../../../../user/tokens?' reached /client/v4/user/tokens: a name is one path segment. */
    @Test
    void namesThatCannotBeAPathSegmentAreUsageErrorsBeforeAnyRequest() {
        String[][] cases = {
            {"--script", "../../../../user/tokens?", "expected lowercase letters, digits, - and _ only"},
            {"--script", "a".repeat(64), "expected at most 63 characters, not 64"},
            {"--dispatch-namespace", "../x", "expected no /, \\, ?, #, % or control characters, and not . or .."},
            {"--account-id", "bad/id", "expected letters, digits, _ and - only"},
        };
        for (String[] c : cases) {
            List<String> args = new java.util.ArrayList<>(List.of("upload", site.toString(), "--verbose"));
            if (!c[0].equals("--script")) {
                args.addAll(List.of("--script", "s"));
            }
            args.addAll(List.of(c[0], c[1]));
            assertEquals(2, run(args.toArray(String[]::new)), c[0] + " " + c[1]);
            assertTrue(err.startsWith("error: " + c[0] + " is \"" + c[1] + "\", " + c[2]), err);
        }
        // In a dispatch namespace, a Worker name is free but for what would leave its segment.
        assertEquals(2, run("upload", site.toString(), "--script", "a/b", "--dispatch-namespace", "ns"));
        assertTrue(err.startsWith("error: --script is \"a/b\", expected no /"), err);
        assertEquals(0, api.sessionsOpened());
        assertEquals(List.of(), api.problems());
    }

    @Test
    void globalApiKeyWorks() {
        env.remove("CLOUDFLARE_API_TOKEN");
        env.put("CLOUDFLARE_API_KEY", "global-key-42");
        env.put("CLOUDFLARE_EMAIL", "me@example.com");
        api.settings.apiKey = "global-key-42";
        api.settings.email = "me@example.com";
        assertEquals(0, run("upload", site.toString(), "--script", "s", "--verbose"), err);
        assertFalse((out + err).contains("global-key-42"));
    }

    @Test
    void rejectedCredentialsExitWith4AndNameTheStep() {
        env.put("CLOUDFLARE_API_TOKEN", "wrong-token-123456");
        assertEquals(4, run("upload", site.toString(), "--script", "s"));
        assertTrue(err.startsWith("error: upload session: HTTP 400: 10000: Authentication error"), err);
        assertFalse(err.contains("wrong-token-123456"));
    }

    @Test
    void wrongAccountIsRefused() {
        assertEquals(4, run("upload", site.toString(), "--script", "s", "--account-id", "otheraccount"));
        assertTrue(err.contains("HTTP 403: 9109: Unauthorized to access requested resource"), err);
    }

    @Test
    void badFlagValuesAreUsageErrors() {
        assertEquals(2, run("upload", site.toString(), "--script", "s", "--concurrency", "0"));
        assertTrue(err.contains("--concurrency must be between 1 and 64"), err);
        assertEquals(2, run("upload", site.toString()));
        assertTrue(err.contains("Missing required option: '--script=NAME'"), err);
        assertEquals(0, api.sessionsOpened());
    }

    @Test
    void unreachableApiIsANetworkError() {
        env.put("CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:1/client/v4");
        assertEquals(6, run("upload", site.toString(), "--script", "s", "--max-attempts", "1"));
        assertTrue(err.startsWith("error: upload session: cannot connect to 127.0.0.1"), err);
    }

    @Test
    void plainProgressWhenNotATerminal() {
        assertEquals(0, run("upload", site.toString(), "--script", "s"));
        assertFalse(err.contains("\r"), "no live line off a terminal");
        assertFalse(err.contains("\033["));
    }
}
