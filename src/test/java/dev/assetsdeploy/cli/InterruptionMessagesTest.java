package dev.assetsdeploy.cli;

import static dev.assetsdeploy.versions.SeedVersions.V1;
import static dev.assetsdeploy.versions.SeedVersions.V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command says when Ctrl+C stops it during one request: the fake runs the command's shutdown hook as that
 * request arrives, as the JVM would run it then, and the line on stderr must say what may have changed and how to
 * check (Worker {@code site} on the fake, versions 1 and 2, version 1 deployed).
 */
class InterruptionMessagesTest {

    @TempDir
    Path dir;

    final FakeCloudflareApi api = FakeCloudflareApi.start();
    final AtomicReference<Runnable> ctrlC = new AtomicReference<>();
    Map<String, String> variables;

    @BeforeEach
    void seed() {
        api.workers()
                .subdomain("acme")
                .addWorker("site")
                .workersDev(true, true)
                .version(V1)
                .version(V2)
                .deployment(V1);
        variables = Map.of(
                "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId,
                "CLOUDFLARE_API_BASE_URL", api.baseUrl());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Runs {@code args}, pressing Ctrl+C when the request {@code METHOD path-suffix} arrives; returns its stderr. */
    String interruptedAt(String method, String pathSuffix, String... args) {
        ctrlC.set(null);
        List<String> pressed = new CopyOnWriteArrayList<>();
        api.settings.onControlPlaneRequest = request -> {
            Runnable stop = ctrlC.get();
            if (request.startsWith(method + " ") && request.endsWith(pathSuffix) && stop != null) {
                pressed.add(request);
                stop.run();
            }
        };
        Environment env = Environment.of(variables).withShutdown(ctrlC::set).withSleeper(wait -> {});
        CliRun run = CliRun.execute(env, args);
        assertEquals(0, run.code(), run.err());
        assertEquals(
                1,
                pressed.size(),
                "no shutdown hook was registered when " + method + " ..." + pathSuffix
                        + " arrived (or it came more than once): " + pressed);
        return run.err();
    }

    @Test
    void versionsDeploySaysTheDeploymentMayHaveBeenMadeAndHowToCheck() {
        assertEquals(
                "error: interrupted before anything was changed\n",
                interruptedAt("GET", "/deployments", "versions", "deploy", V2, "--script", "site"));
        assertEquals(
                "error: interrupted while sending the new deployment of Worker site: it may or may not have been"
                        + " made; `assets-deploy deployments status --script site` shows which versions serve its"
                        + " traffic now\n",
                interruptedAt("POST", "/deployments", "versions", "deploy", V2, "--script", "site"));
    }

    @Test
    void rollbackSaysTheRollbackMayHaveBeenMadeAndHowToCheck() {
        assertEquals(
                "error: interrupted while rolling Worker site back to version " + V2 + ": it may or may not have"
                        + " been made; `assets-deploy deployments status --script site` shows which versions serve its"
                        + " traffic now\n",
                interruptedAt("POST", "/deployments", "rollback", V2, "--script", "site"));
    }

    @Test
    void aVersionUploadSaysNothingWasDeployedAndThatARerunUploadsAnother() throws IOException {
        Path config = Files.writeString(
                dir.resolve("wrangler.json"), "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\"}");
        String[] upload = {"deploy", "--config", config.toString(), "--keep-assets", "--version-only"};
        assertEquals(
                "error: interrupted while uploading a version of Worker site (not deployed): it may or may not have"
                        + " been uploaded, and running the command again uploads another;"
                        + " `assets-deploy versions list --config " + config + "` shows the newest\n",
                interruptedAt("POST", "/workers/scripts/site/versions", upload));

        String err = interruptedAt("GET", "/workers/workers/site", upload);
        String uploaded = api.workers().worker("site").latestVersion().id();
        assertEquals(
                "error: interrupted while reading the preview URLs of version " + uploaded + " of Worker site: the"
                        + " version is uploaded (not deployed), and running the command again uploads another;"
                        + " `assets-deploy versions view " + uploaded + " --config " + config + "` shows it\n",
                err);
        assertTrue(!err.contains("run the same command again"), err);
    }
}
