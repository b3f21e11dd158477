package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the live Worker makes the deploy say, or refuse, before anything is uploaded. */
class LiveWorkerChecksTest {

    @TempDir
    Path dir;

    FakeCloudflareApi api;
    CliRun run;

    @BeforeEach
    void setUp() throws IOException {
        api = FakeCloudflareApi.start();
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("public/index.html"), "<h1>home</h1>");
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        Files.writeString(
                dir.resolve("wrangler.json"),
                "{\"name\": \"site\", \"main\": \"worker.js\", \"compatibility_date\": \"2025-01-01\","
                        + " \"assets\": {\"directory\": \"public\"}, \"vars\": {\"GREETING\": \"hi\"}}");
        api.workers()
                .addWorker("site")
                .workersDev(true, true)
                .secrets("GREETING")
                .version("11111111-1111-4111-8111-111111111111");
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    void run(String... extra) {
        List<String> args = new java.util.ArrayList<>(
                List.of("all", "--config", dir.resolve("wrangler.json").toString(), "--quiet"));
        args.addAll(List.of(extra));
        run = CliRun.execute(
                Map.of(
                        "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                        "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId,
                        "CLOUDFLARE_API_BASE_URL", api.baseUrl()),
                args.toArray(String[]::new));
    }

    @Test
    void aVarThatTakesALiveSecretsNameIsSaidBeforeTheUpload() {
        run();
        assertEquals(0, run.code(), run.err());
        assertEquals(
                "warning: wrangler.json: vars.GREETING has the name of a secret of Worker"
                        + " site: this deploy replaces the secret with it; rename one, or delete the secret (`wrangler"
                        + " secret delete GREETING`)\n",
                run.err().replace(Path.of("").toAbsolutePath().relativize(dir) + "/", ""));
    }

    @Test
    void underStrictItStopsTheDeployBeforeAnyAssetIsSent() {
        run("--strict");
        assertEquals(3, run.code());
        assertEquals(true, run.err().endsWith("(an error with --strict)\n"), run.err());
        assertEquals(0, api.sessionsOpened());
        assertEquals(List.of(), api.workerRequests());
    }
}
