package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the fake refuses in a Worker upload (PUT a script, POST a version), and what an accepted one leaves behind. */
class WorkerUploadRulesTest {

    FakeCloudflareApi api;
    FakeClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new FakeClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Metadata of a Worker with code and these bindings (JSON). */
    static String withBindings(String bindings) {
        return "{\"main_module\":\"worker.js\",\"bindings\":" + bindings
                + ",\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                + "\"keep_bindings\":[\"secret_text\",\"secret_key\"]}";
    }

    void seedSiteWithSecret() {
        api.workers()
                .addWorker("site")
                .secrets("API_KEY")
                .version("11111111-1111-4111-8111-111111111111")
                .deployment("11111111-1111-4111-8111-111111111111");
    }

    @Test
    void anUnknownBindingTypeIsRefusedByName() {
        seedSiteWithSecret();
        assertEquals(
                "400 10021 binding 'KV' has an unknown type 'kv'",
                client.uploadVersion("site", withBindings("[{\"name\":\"KV\",\"type\":\"kv\",\"namespace_id\":\"x\"}]"))
                        .line());
        assertEquals(
                List.of("POST /accounts/" + api.settings.accountId
                        + "/workers/scripts/site/versions: binding 'KV' has an unknown type 'kv' [code: 10021]"),
                api.problems());
        assertEquals(1, api.workers().worker("site").versions().size(), "a refused upload changes nothing");
    }

    @Test
    void aMissingRequiredFieldIsRefusedNamingTheBindingAndTheField() {
        seedSiteWithSecret();
        List<String> refusals = List.of(
                        "{\"name\":\"KV\",\"type\":\"kv_namespace\"}",
                        "{\"name\":\"DB\",\"type\":\"d1\",\"id\":\"\"}",
                        "{\"name\":\"SS\",\"type\":\"secrets_store_secret\",\"store_id\":\"s\"}",
                        "{\"name\":\"P\",\"type\":\"pipelines\"}",
                        "{\"name\":\"W\",\"type\":\"wasm_module\",\"part\":\"missing.wasm\"}",
                        "{\"type\":\"assets\"}")
                .stream()
                .map(b -> client.uploadVersion("site", withBindings("[" + b + "]"))
                        .line())
                .toList();
        assertEquals(
                List.of(
                        "400 10021 binding 'KV' (kv_namespace) is missing the required field 'namespace_id'",
                        "400 10021 binding 'DB' (d1) has an empty 'id'",
                        "400 10021 binding 'SS' (secrets_store_secret) is missing the required field 'secret_name'",
                        "400 10021 binding 'P' (pipelines) is missing the required field 'stream' or 'pipeline'",
                        "400 10021 binding 'W' (wasm_module) names part 'missing.wasm', which the upload does not have",
                        "400 10021 binding {\"type\":\"assets\"} has no \"name\""),
                refusals);
    }

    @Test
    void everyKindWranglerSendsIsAccepted() {
        seedSiteWithSecret();
        String all =
                "[{\"name\":\"T\",\"type\":\"plain_text\",\"text\":\"\"},{\"name\":\"J\",\"type\":\"json\",\"json\":null},"
                        + "{\"name\":\"MAIL\",\"type\":\"send_email\"},{\"type\":\"queue\",\"name\":\"Q\",\"queue_name\":\"q\"},"
                        + "{\"name\":\"AI\",\"staging\":true,\"type\":\"ai\"},{\"name\":\"VPN\",\"type\":\"vpc_network\","
                        + "\"network_id\":\"n\"},{\"name\":\"RL\",\"type\":\"ratelimit\",\"namespace_id\":\"1\",\"simple\":"
                        + "{\"limit\":1,\"period\":60}},{\"name\":\"ASSETS\",\"type\":\"assets\"}]";
        assertEquals("200", client.uploadVersion("site", withBindings(all)).line());
        assertEquals(List.of(), api.problems());
    }

    @Test
    void twoBindingsOfOneNameAreRefused() {
        seedSiteWithSecret();
        assertEquals(
                "400 10021 binding name 'X' is used twice",
                client.uploadVersion(
                                "site",
                                withBindings("[{\"name\":\"X\",\"type\":\"plain_text\",\"text\":\"a\"},"
                                        + "{\"name\":\"X\",\"type\":\"kv_namespace\",\"namespace_id\":\"k\"}]"))
                        .line());
    }

    @Test
    void inheritTakesThePreviousVersionsBindingAndNeedsOne() {
        seedSiteWithSecret();
        assertEquals(
                "400 10057 inherit binding 'OTHER' is invalid: the previous version has no binding of that name",
                client.uploadVersion("site", withBindings("[{\"name\":\"OTHER\",\"type\":\"inherit\"}]"))
                        .line());
        assertEquals(
                "200",
                client.uploadVersion("site", withBindings("[{\"name\":\"API_KEY\",\"type\":\"inherit\"}]"))
                        .line());
        assertEquals(
                JsonParser.parseString("[{\"name\":\"API_KEY\",\"type\":\"secret_text\"}]"),
                api.workers().worker("site").bindings());
    }

    @Test
    void keepBindingsKeepsThePreviousVersionsBindingsOfThoseTypes() {
        seedSiteWithSecret();
        client.uploadVersion("site", withBindings("[{\"name\":\"GREETING\",\"type\":\"plain_text\",\"text\":\"hi\"}]"));
        assertEquals(
                JsonParser.parseString("[{\"name\":\"GREETING\",\"type\":\"plain_text\",\"text\":\"hi\"},"
                        + "{\"name\":\"API_KEY\",\"type\":\"secret_text\"}]"),
                api.workers().worker("site").bindings());
        client.uploadVersion("site", "{\"main_module\":\"worker.js\",\"bindings\":[]}");
        assertEquals(JsonParser.parseString("[]"), api.workers().worker("site").bindings());
    }

    @Test
    void aVersionOfAWorkerThatDoesNotExistIsRefused() {
        FakeClient.Answer answer = client.uploadVersion("nope", withBindings("[]"));
        assertEquals("404 10007 workers.api.error.script_not_found", answer.line());
        assertEquals(1, api.problems().size());
        assertFalse(api.workers().exists("nope"));
    }

    @Test
    void migrationsApplyFromTheWorkersTagAndOnlyThroughAWorkerUpload() {
        api.workers().addWorker("site").migrationTag("v1").version("11111111-1111-4111-8111-111111111111");
        String fromV0 = "{\"main_module\":\"worker.js\",\"migrations\":{\"old_tag\":\"v0\",\"new_tag\":\"v2\","
                + "\"steps\":[{\"new_sqlite_classes\":[\"Room\"]}]}}";
        assertEquals(
                "400 10079 migration old_tag 'v0' does not match the Worker's migration tag 'v1'",
                client.putScript("site", fromV0).line());
        String noOldTag = "{\"main_module\":\"worker.js\",\"migrations\":{\"new_tag\":\"v2\",\"steps\":[]}}";
        assertEquals(
                "400 10079 migration old_tag (none) does not match the Worker's migration tag 'v1'",
                client.putScript("site", noOldTag).line());
        String fromV1 = fromV0.replace("v0", "v1");
        assertEquals(
                "400 10211 Durable Object migrations cannot be applied by a version upload; deploy instead",
                client.uploadVersion("site", fromV1).line());
        assertEquals("200", client.putScript("site", fromV1).line());
        assertEquals("v2", api.workers().worker("site").migrationTag());
    }

    @Test
    void aPutCreatesTheWorkerWithWorkersDevOffAndDeploysTheVersionAtFullTraffic() {
        FakeClient.Answer answer = client.putScript("new-site", withBindings("[]"));
        assertEquals("200", answer.line());
        WorkerSnapshot site = api.workers().worker("new-site");
        assertFalse(site.workersDev());
        assertFalse(site.previewsEnabled());
        assertEquals(1, site.versions().size());
        String versionId = site.versions().get(0).id();
        assertEquals(
                versionId,
                answer.result().getAsJsonObject().get("deployment_id").getAsString());
        assertEquals(
                List.of(new Deployment.Share(versionId, 100)),
                site.currentDeployment().versions());
        assertEquals("upload", site.currentDeployment().annotation("workers/triggered_by"));
    }

    @Test
    void theUploadMustNameItsModuleAndCarryALiveAssetsToken() {
        seedSiteWithSecret();
        assertEquals(
                "400 10021 No such module 'index.js' in the upload (main_module names a part)",
                client.uploadVersion("site", "{\"main_module\":\"index.js\"}").line());
        assertEquals(
                "400 10021 metadata must name main_module (or body_part), or carry assets",
                client.uploadVersion("site", "{\"compatibility_date\":\"2025-01-01\"}")
                        .line());
        assertEquals(
                "400 10021 metadata.assets.jwt is not a live completion token",
                client.uploadVersion("site", "{\"assets\":{\"jwt\":\"made.up.token\",\"config\":{}}}")
                        .line());
        assertEquals(
                "400 10021 compatibility_date must be a date YYYY-MM-DD, got \"soon\"",
                client.uploadVersion("site", "{\"main_module\":\"worker.js\",\"compatibility_date\":\"soon\"}")
                        .line());
    }

    @Test
    void anAliasFollowsCloudflaresRulesAndOnlyAVersionUploadSetsOne() {
        seedSiteWithSecret();
        String alias = "{\"main_module\":\"worker.js\",\"annotations\":{\"workers/alias\":\"%s\"}}";
        String rule = "lower-case letters, digits and dashes, starting with a letter, and at most 63 characters"
                + " with the Worker name and a dash";
        assertEquals(
                "400 10021 preview alias 'feature/Login_Page' is invalid: " + rule,
                client.uploadVersion("site", alias.formatted("feature/Login_Page"))
                        .line());
        assertEquals(
                "400 10021 preview alias '" + "a".repeat(59) + "' is invalid: " + rule,
                client.uploadVersion("site", alias.formatted("a".repeat(59))).line());
        assertEquals(
                "400 10021 a preview alias can only be set by a version upload",
                client.putScript("site", alias.formatted("pr-42")).line());
        assertEquals(
                "200",
                client.uploadVersion("site", alias.formatted("a".repeat(58))).line());
        assertEquals(
                "pr-42",
                client.uploadVersion("site", alias.formatted("pr-42"))
                        .result()
                        .getAsJsonObject()
                        .getAsJsonObject("annotations")
                        .get("workers/alias")
                        .getAsString());
    }

    @Test
    void aWorkerWithADurableObjectOfItsOwnHasNoPreview() {
        seedSiteWithSecret();
        String own =
                withBindings("[{\"name\":\"C\",\"type\":\"durable_object_namespace\",\"class_name\":\"Counter\"}]");
        String other = withBindings("[{\"name\":\"C\",\"type\":\"durable_object_namespace\",\"class_name\":\"Counter\","
                + "\"script_name\":\"other\"}]");
        assertFalse(client.uploadVersion("site", own)
                .result()
                .getAsJsonObject()
                .getAsJsonObject("metadata")
                .get("has_preview")
                .getAsBoolean());
        assertTrue(client.uploadVersion("site", other)
                .result()
                .getAsJsonObject()
                .getAsJsonObject("metadata")
                .get("has_preview")
                .getAsBoolean());
    }

    @Test
    void aDispatchNamespaceMustExist() {
        FakeClient.Answer answer = client.upload(
                "PUT", client.account("/workers/dispatch/namespaces/ns/scripts/site"), withBindings("[]"));
        assertEquals("404 100119 Dispatch namespace 'ns' not found", answer.line());
        api.workers().dispatchNamespace("ns");
        assertEquals(
                "200",
                client.upload("PUT", client.account("/workers/dispatch/namespaces/ns/scripts/site"), withBindings("[]"))
                        .line());
        assertFalse(
                api.workers().find("ns", "site").orElseThrow().versions().get(0).hasPreview());
        assertFalse(api.workers().exists("site"), "a namespaced Worker is not the account's");
    }
}
