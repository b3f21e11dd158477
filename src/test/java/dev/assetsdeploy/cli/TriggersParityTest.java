package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triggers phase against the fake in each recorded state: the requests assets-deploy sends are wrangler 4.164's
 * (method, path, query, the headers it sets, the body), in its order.
 */
class TriggersParityTest {

    @TempDir
    Path dir;

    CliRun run;

    private CliRun run(Recording recording, FakeCloudflareApi api, String... args) {
        Path project = recording.writeProject(dir);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", project.resolve("wrangler.json").toString()));
        run = CliRun.execute(
                Map.of(
                        "CLOUDFLARE_API_BASE_URL", api.baseUrl(),
                        "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                        "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId),
                all.toArray(String[]::new));
        return run;
    }

    @Test
    void triggersDeployOnAnExistingWorker() {
        Recording recording = Recording.load("triggers-deploy");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(ExitCodes.OK, run(recording, api, "triggers").code(), run.err());
            recording.assertSameRequests(api.controlPlaneRequests());
            assertEquals(List.of(), api.problems());
            assertEquals("""
                    Applied the triggers of Worker site
                    Triggers:
                      example.com/app/* (zone name: example.com)
                      www.example.com/blog/*
                      shop.example.com (custom domain)
                      schedule: */5 * * * *
                      schedule: 0 3 * * 1
                    """, run.out());
            assertEquals("", run.err());
        }
    }
}
