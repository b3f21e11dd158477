package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What wrangler 4.164 applies in its triggers phase and assets-deploy does not (queue consumers, workflows this Worker
 * defines, event triggers, Email Routing addresses) stops a deploy (exit 3) with the key named, unless
 * {@code --allow-unsupported KEY}: a Worker that silently differs from its config is worse than none.
 */
class TriggersPhaseKeysTest {

    /** A command that uploads the Worker. */
    private static final Requirements UPLOAD = new Requirements(false, false, true, false, false);

    @TempDir
    Path dir;

    private static final String CONFIG = """
            {"name": "site", "main": "worker.js",
             "queues": {"consumers": [{"queue": "jobs"}]},
             "workflows": [{"binding": "FLOW", "name": "flow", "class_name": "Flow"}],
             "triggers": {"crons": ["0 * * * *"], "events": [{"type": "artifacts.push", "targets": []}]},
             "addresses": {"inbound": ["hello@example.com"]}}
            """;

    private List<String> problems(List<String> allowed) throws IOException {
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        Files.writeString(dir.resolve("wrangler.json"), CONFIG);
        return assertThrows(
                        InvalidConfigException.class,
                        () -> new ConfigLoader(dir)
                                .load(
                                        ConfigOverrides.builder()
                                                .allowUnsupported(allowed)
                                                .build(),
                                        UPLOAD))
                .problems();
    }

    @Test
    void eachIsAnErrorNamingTheKeyAndTheWayOut() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.json: addresses is not supported by assets-deploy",
                        "wrangler.json: queues.consumers is not supported by assets-deploy",
                        "wrangler.json: triggers.events is not supported by assets-deploy",
                        "wrangler.json: workflows[0] is not supported by assets-deploy"),
                problems(List.of()).stream()
                        .map(p -> p.substring(0, p.indexOf(" by assets-deploy") + " by assets-deploy".length()))
                        .sorted()
                        .toList());
        assertEquals(
                "wrangler.json: addresses is not supported by assets-deploy: Email Routing addresses are set up after"
                        + " the upload (wrangler's triggers phase), which assets-deploy does not do; remove it, or"
                        + " pass --allow-unsupported addresses to deploy the Worker without it",
                problems(List.of()).stream()
                        .filter(p -> p.startsWith("wrangler.json: addresses"))
                        .findFirst()
                        .orElseThrow());
    }

    @Test
    void theTriggersCommandRefusesThemTooButNotWhatOnlyAnUploadSends() throws IOException {
        Files.writeString(
                dir.resolve("wrangler.json"),
                CONFIG.replace(
                        "{\"name\": \"site\",",
                        "{\"name\": \"site\", \"unsafe\": {\"bindings\": [{\"name\": \"X\", \"type\": \"x\"}]},"));
        List<String> problems = assertThrows(
                        InvalidConfigException.class,
                        () -> new ConfigLoader(dir).load(ConfigOverrides.NONE, Requirements.TRIGGERS))
                .problems();
        assertEquals(
                List.of("addresses", "queues.consumers", "triggers.events", "workflows[0]"),
                problems.stream()
                        .map(p -> p.substring("wrangler.json: ".length(), p.indexOf(" is not supported")))
                        .sorted()
                        .toList());
    }

    @Test
    void allowUnsupportedAcceptsTheLossOfEachByName() throws IOException {
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        Files.writeString(dir.resolve("wrangler.json"), CONFIG);
        LoadedConfig loaded = new ConfigLoader(dir)
                .load(
                        ConfigOverrides.builder()
                                .allowUnsupported(
                                        List.of("queues.consumers", "workflows", "triggers.events", "addresses"))
                                .build(),
                        UPLOAD);
        assertEquals(List.of("0 * * * *"), loaded.config().live().crons(), "the crons still apply");
        assertEquals(
                4,
                loaded.warnings().stream()
                        .filter(w -> w.message().contains("is not sent (--allow-unsupported "))
                        .count());
    }

    /** wrangler keeps {@code addresses} top-level only: an {@code --env} run applies the top level's as well. */
    @Test
    void anEnvironmentRunRefusesTheTopLevelsAddressesToo() throws IOException {
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        Files.writeString(dir.resolve("wrangler.json"), """
                {"name": "site", "main": "worker.js", "addresses": {"inbound": ["hello@example.com"]},
                 "env": {"staging": {"name": "site-staging"}}}
                """);
        List<String> problems = assertThrows(
                        InvalidConfigException.class,
                        () -> new ConfigLoader(dir)
                                .load(
                                        ConfigOverrides.builder()
                                                .environment("staging")
                                                .build(),
                                        UPLOAD))
                .problems();
        assertEquals(
                List.of("wrangler.json: addresses"),
                problems.stream()
                        .map(p -> p.substring(0, p.indexOf(" is not supported")))
                        .toList());
    }
}
