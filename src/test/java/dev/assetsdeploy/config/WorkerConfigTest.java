package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assetsdeploy.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Worker's bindings and settings as the config loader reads them: environments, refusals, checks. */
class WorkerConfigTest {

    /** A command that uploads the Worker, without the file checks (main need not exist). */
    private static final Requirements UPLOAD = new Requirements(false, false, true, false, false);

    @TempDir
    Path dir;

    private LoadedConfig load(String json, ConfigOverrides flags, Requirements requirements) throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), json);
        Files.writeString(dir.resolve("w.js"), "export default {}");
        return new ConfigLoader(dir).load(flags, requirements);
    }

    private LoadedConfig load(String json) throws IOException {
        return load(json, ConfigOverrides.NONE, UPLOAD);
    }

    private List<String> problems(String json, ConfigOverrides flags) throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), json);
        Files.writeString(dir.resolve("w.js"), "export default {}");
        return assertThrows(InvalidConfigException.class, () -> new ConfigLoader(dir).load(flags, UPLOAD))
                .problems();
    }

    private List<String> problems(String json) throws IOException {
        return problems(json, ConfigOverrides.NONE);
    }

    private static List<String> messages(LoadedConfig loaded) {
        return loaded.warnings().stream().map(ConfigWarning::message).toList();
    }

    private static List<String> names(DeployConfig config) {
        return config.bindings().list().stream()
                .map(b -> b.kind() + " " + b.name())
                .toList();
    }

    @Test
    void anEnvironmentHasItsOwnBindingsAndVarsButInheritsTheSettings() throws IOException {
        LoadedConfig loaded =
                load("""
                {"name": "site", "main": "w.js",
                 "vars": {"A": "top", "B": "top"}, "kv_namespaces": [{"binding": "KV", "id": "top"}],
                 "logfwdr": {"bindings": [{"name": "LOG", "destination": "d"}]},
                 "observability": {"enabled": true}, "migrations": [{"tag": "v1", "new_classes": ["C"]}],
                 "tail_consumers": [{"service": "tail"}],
                 "env": {"staging": {"vars": {"A": "stage"}, "observability": {"enabled": false}}}}
                """, ConfigOverrides.builder().environment("staging").build(), UPLOAD);
        DeployConfig config = loaded.config();
        assertEquals(List.of("PLAIN_TEXT A", "LOGFWDR LOG"), names(config));
        assertEquals("{\"enabled\":false}", Json.compact(config.settings().observability()));
        assertEquals("v1", config.settings().migrations().get(0).tag());
        assertEquals(null, config.settings().tailConsumers());
        assertEquals(
                new WorkerSettings.ServiceTags("site", "staging"),
                config.settings().serviceTags());
        assertEquals(
                List.of(
                        "wrangler.json: env.staging.vars lacks B of the top-level vars, and environments do not inherit"
                                + " it (as in wrangler): add it to env.staging.vars if the Worker needs it",
                        "wrangler.json: env.staging has no kv_namespaces, and environments do not inherit the top-level"
                                + " kv_namespaces (as in wrangler): add kv_namespaces to env.staging if the Worker needs it",
                        "wrangler.json: env.staging has no tail_consumers, and environments do not inherit the top-level"
                                + " tail_consumers (as in wrangler): add tail_consumers to env.staging if the Worker needs"
                                + " it"),
                messages(loaded));
    }

    @Test
    void varsKeepTheirJsonAndStringsAreText() throws IOException {
        DeployConfig config =
                load("{\"main\": \"w.js\", \"vars\": {\"S\": \"x\", \"N\": 1.0, \"O\": {\"b\": [1]}, \"Z\": null}}")
                        .config();
        assertEquals(List.of("PLAIN_TEXT S", "JSON N", "JSON O", "JSON Z"), names(config));
        assertEquals("1", Json.compact(config.bindings().list().get(1).config()));
    }

    @Test
    void aNameBoundThreeTimes() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.json: \"X\" is bound 3 times, by vars.X, kv_namespaces[0] and d1_databases[0]: binding"
                                + " names must be unique (the Worker's env holds one value per name); rename all but one"),
                problems("{\"main\": \"w.js\", \"vars\": {\"X\": \"v\"}, \"kv_namespaces\": [{\"binding\": \"X\","
                        + " \"id\": \"k\"}], \"d1_databases\": [{\"binding\": \"X\", \"database_id\": \"d\"}]}"));
    }

    @Test
    void theAssetsBindingCountsToo() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.json: \"ASSETS\" is bound twice, by vars.ASSETS and assets.binding: binding names must"
                                + " be unique (the Worker's env holds one value per name); rename all but one"),
                problems("{\"main\": \"w.js\", \"vars\": {\"ASSETS\": \"v\"}, \"assets\": {\"binding\": \"ASSETS\"}}"));
    }

    @Test
    void aRefusedKeyIsAllowedWithAWarningAndARawFieldIsNotSent() throws IOException {
        LoadedConfig loaded = load(
                "{\"main\": \"w.js\", \"kv_namespaces\": [{\"binding\": \"KV\", \"id\": \"k\", \"raw\": true}]}",
                ConfigOverrides.builder().allowUnsupported(List.of("raw")).build(),
                UPLOAD);
        assertEquals(
                List.of(
                        "wrangler.json: kv_namespaces[0].raw is not sent (--allow-unsupported raw): the Worker is deployed"
                                + " without it"),
                messages(loaded));
        assertEquals(List.of("KV_NAMESPACE KV"), names(loaded.config()));
    }

    @Test
    void anAllowedKeyThatIsNoRefusedKeyIsAMistake() throws IOException {
        assertEquals(
                List.of("--allow-unsupported vars: not a key assets-deploy refuses; expected one of unsafe, containers,"
                        + " cloudchamber, exports, first_party_worker, compliance_region, ai_search_namespaces,"
                        + " agent_memory, workflows, queues.consumers, triggers.events, wasm_modules, text_blobs,"
                        + " data_blobs, site, addresses, raw"),
                problems(
                        "{\"main\": \"w.js\"}",
                        ConfigOverrides.builder()
                                .allowUnsupported(List.of("vars"))
                                .build()));
    }

    @Test
    void aCommandThatUploadsNoWorkerDoesNotRefuse() throws IOException {
        LoadedConfig loaded = load(
                "{\"unsafe\": {\"bindings\": [{\"name\": \"U\", \"type\": \"x\"}]}, \"vars\": {\"A\": \"x\"}}",
                ConfigOverrides.NONE,
                Requirements.NONE);
        assertEquals(List.of(), messages(loaded));
    }

    @Test
    void aQueueConsumerIsRefusedAndAnEmptyListIsNot() throws IOException {
        assertEquals(
                List.of("wrangler.json: queues.consumers is not supported by assets-deploy: a queue consumer is"
                        + " registered after the upload, which assets-deploy does not do; remove it, or pass"
                        + " --allow-unsupported queues.consumers to deploy the Worker without it"),
                problems("{\"main\": \"w.js\", \"queues\": {\"consumers\": [{\"queue\": \"q\"}]}}"));
        assertEquals(List.of(), messages(load("{\"main\": \"w.js\", \"queues\": {\"consumers\": []}}")));
    }

    @Test
    void aWorkflowOfAnotherWorkerHasNoSettingsOfItsOwner() throws IOException {
        assertEquals(
                List.of("wrangler.json: workflows[0] binds workflow \"wf\" of Worker other, but sets limits: only the"
                        + " Worker that defines a workflow configures it; remove them here"),
                problems("{\"main\": \"w.js\", \"workflows\": [{\"binding\": \"WF\", \"name\": \"wf\", \"class_name\":"
                        + " \"W\", \"script_name\": \"other\", \"limits\": {\"steps\": 5}}]}"));
    }

    @Test
    void migrationsAreCheckedClassByClass() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.json: migrations[1].deleted_classes deletes Gone, which no earlier migration creates:"
                                + " remove it, or create the class first",
                        "wrangler.json: migrations[1].new_classes creates A, which an earlier migration already"
                                + " created: remove it"),
                problems("{\"main\": \"w.js\", \"migrations\": [{\"tag\": \"v1\", \"new_classes\": [\"A\"]},"
                        + " {\"tag\": \"v2\", \"deleted_classes\": [\"Gone\"], \"new_classes\": [\"A\"]}]}"));
    }

    @Test
    void theCodeUpdateStrategy() throws IOException {
        assertEquals(
                new CodeUpdateStrategy(true, 300),
                load("{\"main\": \"w.js\", \"durable_objects\": {\"code_update_strategy\": {\"mode\": \"immediate\"}}}")
                        .config()
                        .settings()
                        .codeUpdateStrategy());
        assertEquals(
                List.of("wrangler.json: durable_objects.code_update_strategy.max_delay is 0.0005, expected whole"
                        + " milliseconds (at most 3 decimals)"),
                problems("{\"main\": \"w.js\", \"durable_objects\": {\"code_update_strategy\": {\"mode\":"
                        + " \"deferred\", \"max_delay\": 0.0005}}}"));
    }

    @Test
    void placementIsSmartOrTargeted() throws IOException {
        assertEquals(
                List.of("wrangler.json: placement has both hint (smart placement) and region (targeted placement):"
                        + " expected one of them"),
                problems("{\"main\": \"w.js\", \"placement\": {\"hint\": \"wnam\", \"region\": \"aws:us-east-1\"}}"));
    }

    @Test
    void aTomlDateIsNoVar() throws IOException {
        Files.writeString(dir.resolve("wrangler.toml"), "main = \"w.js\"\n[vars]\nDAY = 2025-12-19\n");
        Files.writeString(dir.resolve("w.js"), "export default {}");
        Files.deleteIfExists(dir.resolve("wrangler.json"));
        assertEquals(
                List.of(
                        "wrangler.toml: vars.DAY is the TOML date 2025-12-19, which wrangler does not accept: put the date"
                                + " in quotes"),
                assertThrows(
                                InvalidConfigException.class,
                                () -> new ConfigLoader(dir).load(ConfigOverrides.NONE, UPLOAD))
                        .problems());
    }
}
