package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.assetsdeploy.live.WireMockApi.error;
import static dev.assetsdeploy.live.WireMockApi.ok;
import static dev.assetsdeploy.versions.SeedVersions.V1;
import static dev.assetsdeploy.versions.SeedVersions.V2;
import static dev.assetsdeploy.versions.SeedVersions.V3;
import static dev.assetsdeploy.versions.SeedVersions.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.live.WireMockApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every versions, deployments and rollback command through the command line, against WireMock holding the seed of
 * the recordings (Worker site, versions 1 to 4, deployments of 1, 2, then 3 at 100 %): what each prints, its --json
 * document, its exit code, and the requests it sends (none before its input is checked).
 */
class VersionsCommandsTest {

    static final String TOKEN = "api-token-never-printed";
    static final String SCRIPT = "/client/v4/accounts/acc1/workers/scripts/site";
    static final String DEPLOYMENTS = SCRIPT + "/deployments";

    final WireMockApi api = new WireMockApi();
    final Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void seed() {
        env.put("CLOUDFLARE_API_TOKEN", TOKEN);
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
        env.put("CLOUDFLARE_API_BASE_URL", api.server.baseUrl() + "/client/v4");
        List<String> versions = List.of(
                version(V1, 1, "12:02", null, "initial", null),
                version(V2, 2, "12:03", "v1.2.1", "fix header", null),
                version(V3, 3, "12:04", "v1.2.2", null, null),
                version(V4, 4, "12:05", "v1.2.3", "PR 41", "pr-41"));
        api.server.stubFor(get(SCRIPT + "/versions?deployable=true")
                .willReturn(ok("{\"items\":[" + String.join(",", versions) + "]}")));
        for (String v : versions) {
            String id = JsonParser.parseString(v).getAsJsonObject().get("id").getAsString();
            api.server.stubFor(get(SCRIPT + "/versions/" + id).willReturn(ok(v)));
        }
        for (String unknown : List.of("99999999-9999-4999-8999-999999999999", "55555555-5555-4555-8555-555555555555")) {
            api.server.stubFor(get(SCRIPT + "/versions/" + unknown)
                    .willReturn(error(
                            404,
                            100146,
                            "The requested Worker version could not be found, please check the ID being passed and"
                                    + " try again.")));
        }
        deployments(
                deployment("d3", "12:08", "release 1.2.2", V3, 100),
                deployment("d2", "12:07", null, V2, 100),
                deployment("d1", "12:06", "first", V1, 100));
        deploymentAnswer(deployment("d4", "12:09", "canary", V3, 90, V4, 10));
    }

    void deploymentAnswer(String deployment) {
        api.server.stubFor(post(urlEqualTo(DEPLOYMENTS)).willReturn(ok(deployment)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    static String version(String id, int number, String time, String tag, String message, String alias) {
        JsonObject annotations = new JsonObject();
        annotations.addProperty("workers/triggered_by", "upload");
        annotations.addProperty("workers/message", message);
        annotations.addProperty("workers/tag", tag);
        annotations.addProperty("workers/alias", alias);
        return "{\"id\":\"" + id + "\",\"number\":" + number + ",\"metadata\":{\"author_email\":\"dev@example.com\","
                + "\"created_on\":\"2025-06-01T" + time + ":00.000000Z\",\"source\":\"wrangler\",\"has_preview\":true},"
                + "\"annotations\":" + annotations + ",\"resources\":{\"bindings\":[{\"name\":\"ASSETS\",\"type\":"
                + "\"assets\"},{\"name\":\"API_KEY\",\"type\":\"secret_text\"}],\"script\":{\"handlers\":[\"fetch\"]},"
                + "\"script_runtime\":{\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}}}";
    }

    /** {@code shares}: version id, percentage, ... */
    static String deployment(String id, String time, String message, Object... shares) {
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < shares.length; i += 2) {
            versions.add("{\"version_id\":\"" + shares[i] + "\",\"percentage\":" + shares[i + 1] + "}");
        }
        return "{\"id\":\"" + id + "\",\"created_on\":\"2025-06-01T" + time + ":00.000000Z\",\"source\":\"wrangler\","
                + "\"author_email\":\"dev@example.com\",\"strategy\":\"percentage\",\"versions\":["
                + String.join(",", versions) + "],\"annotations\":{\"workers/triggered_by\":\"upload\""
                + (message == null ? "" : ",\"workers/message\":\"" + message + "\"") + "}}";
    }

    void deployments(String... newestFirst) {
        api.server.stubFor(
                get(DEPLOYMENTS).willReturn(ok("{\"deployments\":[" + String.join(",", newestFirst) + "]}")));
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--script", "site"));
        CliRun run = CliRun.execute(env, all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        assertFalse(out.contains(TOKEN) || err.contains(TOKEN));
        return run.code();
    }

    List<String> requests() {
        return api.requests();
    }

    JsonObject json() {
        return JsonParser.parseString(out).getAsJsonObject();
    }

    @Test
    void versionsListNewestFirst() {
        assertEquals(0, run("versions", "list"), err);
        assertEquals(List.of("GET /accounts/acc1/workers/scripts/site/versions?deployable=true"), requests());
        assertTrue(out.startsWith("""
                Versions of Worker site, newest first:

                Version ID:  44444444-4444-4444-8444-444444444444
                Number:      4
                Created:     2025-06-01T12:05:00Z
                Author:      dev@example.com
                Source:      Upload
                Tag:         v1.2.3
                Alias:       pr-41
                Message:     PR 41

                Version ID:  33333333-3333-4333-8333-333333333333
                Number:      3
                Created:     2025-06-01T12:04:00Z
                Author:      dev@example.com
                Source:      Upload
                Tag:         v1.2.2
                Alias:       -
                Message:     -
                """), out);
        assertTrue(out.endsWith("Message:     initial\n"), out);
        assertEquals("", err);
    }

    @Test
    void versionsListJson() {
        assertEquals(0, run("versions", "list", "--json"), err);
        assertEquals(
                "{\"id\":\"" + V4
                        + "\",\"number\":4,\"created\":\"2025-06-01T12:05:00Z\",\"author\":\"dev@example.com\","
                        + "\"source\":\"wrangler\",\"triggeredBy\":\"upload\",\"tag\":\"v1.2.3\",\"alias\":\"pr-41\","
                        + "\"message\":\"PR 41\",\"hasPreview\":true}",
                json().getAsJsonArray("versions").get(0).toString());
        assertEquals(4, json().getAsJsonArray("versions").size());
        assertEquals("site", json().get("worker").getAsString());
    }

    @Test
    void versionsViewTextAndJson() {
        assertEquals(0, run("versions", "view", V3.toUpperCase(java.util.Locale.ROOT)), err);
        assertEquals(List.of("GET /accounts/acc1/workers/scripts/site/versions/" + V3), requests());
        assertEquals("""
                Version ID:           33333333-3333-4333-8333-333333333333
                Number:               3
                Created:              2025-06-01T12:04:00Z
                Author:               dev@example.com
                Source:               Upload
                Tag:                  v1.2.2
                Alias:                -
                Message:              -
                Handlers:             fetch
                Compatibility date:   2025-01-01
                Compatibility flags:  -
                Bindings:             ASSETS (assets)
                                      API_KEY (secret_text)
                """, out);
        assertEquals(0, run("versions", "view", V3, "--json"), err);
        JsonObject version = json().getAsJsonObject("version");
        assertEquals("2025-01-01", version.get("compatibilityDate").getAsString());
        assertEquals(
                "[{\"name\":\"ASSETS\",\"type\":\"assets\"},{\"name\":\"API_KEY\",\"type\":\"secret_text\"}]",
                version.get("bindings").toString());
    }

    @Test
    void versionsViewOfAnUnknownOrMalformedIdIsExit3() {
        assertEquals(3, run("versions", "view", "v1.2.3"));
        assertEquals(List.of(), requests());
        assertEquals(
                "error: versions view: \"v1.2.3\" is not a version id (a UUID like"
                        + " 12345678-1234-1234-1234-123456789abc); `assets-deploy versions list` shows the Worker's"
                        + " versions\n",
                err);
        assertEquals(3, run("versions", "view", "99999999-9999-4999-8999-999999999999"));
        assertEquals(
                "error: version 99999999-9999-4999-8999-999999999999 is not a version of Worker site (the API"
                        + " answered 100146: not found); `assets-deploy versions list --script site` shows the ones"
                        + " it has\n",
                err);
    }

    @Test
    void aGroupWithoutItsSubcommandIsAUsageError() {
        CliRun versions = CliRun.execute(env, "versions");
        assertEquals(2, versions.code());
        assertTrue(versions.err().startsWith("error: versions needs a subcommand: list, view, deploy\n"));
        assertEquals(2, CliRun.execute(env, "deployments").code());
        assertEquals(List.of(), requests());
    }

    @Test
    void versionsDeploySplitsTheTraffic() {
        assertEquals(0, run("versions", "deploy", V3 + "@90%", V4 + "@10%", "--message", "canary"), err);
        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/scripts/site/deployments",
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V3,
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V4,
                        "POST /accounts/acc1/workers/scripts/site/deployments {\"strategy\":\"percentage\","
                                + "\"versions\":[{\"version_id\":\"" + V3 + "\",\"percentage\":90},"
                                + "{\"version_id\":\"" + V4 + "\",\"percentage\":10}],"
                                + "\"annotations\":{\"workers/message\":\"canary\"},"
                                + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300}}"),
                requests());
        assertEquals("""
                Deployed Worker site
                  traffic:     90 % 33333333-3333-4333-8333-333333333333 (#3, tag v1.2.2)
                               10 % 44444444-4444-4444-8444-444444444444 (#4, tag v1.2.3, "PR 41")
                  before:      100 % 33333333-3333-4333-8333-333333333333 (#3, tag v1.2.2)
                  deployment:  d4
                  message:     canary
                """, out);
        assertEquals("", err);
    }

    @Test
    void versionsDeployJson() {
        assertEquals(0, run("versions", "deploy", V3 + "@90", V4, "--json"), err);
        JsonObject doc = json();
        assertEquals("d4", doc.getAsJsonObject("deployment").get("id").getAsString());
        assertEquals(
                10,
                doc.getAsJsonObject("deployment")
                        .getAsJsonArray("versions")
                        .get(1)
                        .getAsJsonObject()
                        .get("percentage")
                        .getAsInt());
        assertEquals("d3", doc.getAsJsonObject("previous").get("id").getAsString());
        assertFalse(doc.get("forced").getAsBoolean());
        assertTrue(
                requests().get(3).contains("\"annotations\":{\"workers/message\":\"\"}"),
                requests().get(3));
    }

    @Test
    void everyBadSplitIsExit3WithoutARequest() {
        assertEquals(3, run("versions", "deploy", V3 + "@90%", V4 + "@20%"));
        assertTrue(err.startsWith("error: versions deploy: the percentages add up to 110 %, not 100"), err);
        assertEquals(3, run("versions", "deploy", V1 + "@50%", V3 + "@30%", V4 + "@20%"));
        assertTrue(err.startsWith("error: versions deploy: 3 versions given"), err);
        assertEquals(3, run("versions", "deploy", V3 + "@ninety"));
        assertEquals(List.of(), requests());
    }

    @Test
    void anUnknownVersionOrOneOfAnotherWorkerIsExit3BeforeAnyChange() {
        for (String id : List.of("99999999-9999-4999-8999-999999999999", "55555555-5555-4555-8555-555555555555")) {
            assertEquals(3, run("versions", "deploy", id));
            assertEquals(
                    "error: version " + id + " is not a version of Worker site (the API answered 100146: not found);"
                            + " `assets-deploy versions list --script site` shows the ones it has\n",
                    err);
        }
        assertTrue(
                requests().stream().noneMatch(r -> r.startsWith("POST")),
                requests().toString());
    }

    @Test
    void deploymentsListNewestFirstWithEachVersion() {
        assertEquals(0, run("deployments", "list"), err);
        assertEquals("""
                Deployments of Worker site, newest first:

                Deployment:  d3
                Created:     2025-06-01T12:08:00Z
                Author:      dev@example.com
                Source:      Upload
                Message:     release 1.2.2
                Traffic:     100 % 33333333-3333-4333-8333-333333333333 (#3, tag v1.2.2)

                Deployment:  d2
                Created:     2025-06-01T12:07:00Z
                Author:      dev@example.com
                Source:      Upload
                Message:     -
                Traffic:     100 % 22222222-2222-4222-8222-222222222222 (#2, tag v1.2.1, "fix header")

                Deployment:  d1
                Created:     2025-06-01T12:06:00Z
                Author:      dev@example.com
                Source:      Upload
                Message:     first
                Traffic:     100 % 11111111-1111-4111-8111-111111111111 (#1, "initial")
                """, out);
        assertEquals(0, run("deployments", "list", "--json"), err);
        assertEquals(
                List.of("d3", "d2", "d1"),
                json().getAsJsonArray("deployments").asList().stream()
                        .map(d -> d.getAsJsonObject().get("id").getAsString())
                        .toList());
    }

    @Test
    void deploymentsStatusIsTheCurrentSplit() {
        deployments(deployment("d4", "12:09", "canary", V3, 90, V4, 10), deployment("d3", "12:08", null, V3, 100));
        assertEquals(0, run("deployments", "status"), err);
        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/scripts/site/deployments",
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V3,
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V4),
                requests());
        assertEquals("""
                Current deployment of Worker site:

                Deployment:  d4
                Created:     2025-06-01T12:09:00Z
                Author:      dev@example.com
                Source:      Upload
                Message:     canary
                Traffic:     90 % 33333333-3333-4333-8333-333333333333 (#3, tag v1.2.2)
                             10 % 44444444-4444-4444-8444-444444444444 (#4, tag v1.2.3, "PR 41")
                """, out);
        assertEquals(0, run("deployments", "status", "--json"), err);
        assertEquals(
                "[{\"id\":\"" + V3 + "\",\"percentage\":90},{\"id\":\"" + V4 + "\",\"percentage\":10}]",
                json().getAsJsonObject("deployment").getAsJsonArray("versions").asList().stream()
                        .map(v -> "{\"id\":" + v.getAsJsonObject().get("id") + ",\"percentage\":"
                                + v.getAsJsonObject().get("percentage") + "}")
                        .toList()
                        .toString()
                        .replace(", ", ","));
    }

    @Test
    void aWorkerWithoutDeploymentsSaysSo() {
        deployments();
        assertEquals(0, run("deployments", "status"), err);
        assertEquals("Worker site has no deployments.\n", out);
        assertEquals(0, run("deployments", "status", "--json"), err);
        assertEquals("{\"worker\":\"site\",\"deployment\":null}", json().toString());
        assertEquals(3, run("rollback"));
        assertEquals("error: rollback: Worker site has no deployment to roll back\n", err);
    }

    @Test
    void rollbackGoesToTheVersionDeployedBeforeTheCurrentOne() {
        deploymentAnswer(deployment("d4", "12:09", "bad release", V2, 100));
        assertEquals(0, run("rollback", "--message", "bad release"), err);
        assertEquals(
                "POST /accounts/acc1/workers/scripts/site/deployments {\"strategy\":\"percentage\",\"versions\":"
                        + "[{\"version_id\":\"" + V2 + "\",\"percentage\":100}],\"annotations\":{\"workers/message\":"
                        + "\"bad release\"},\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300}}",
                requests().get(requests().size() - 1));
        assertTrue(out.startsWith("Rolled back Worker site to version " + V2 + "\n  traffic:     100 % " + V2), out);
    }

    @Test
    void rollbackToANamedVersionWithWranglersDefaultMessage() {
        deploymentAnswer(deployment("d4", "12:09", "Rollback", V1, 100));
        assertEquals(0, run("rollback", V1, "--json"), err);
        assertTrue(
                requests().get(requests().size() - 1).contains("\"annotations\":{\"workers/message\":\"Rollback\"}"));
        assertEquals(
                V1,
                json().getAsJsonObject("deployment")
                        .getAsJsonArray("versions")
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString());
    }

    @Test
    void rollbackOverChangedSecretsWarnsThenForces() {
        api.server.stubFor(post(urlEqualTo(DEPLOYMENTS))
                .willReturn(error(
                        400,
                        10220,
                        "Secrets have changed since this version was deployed. The following secrets have changed:"
                                + " API_KEY")));
        api.server.stubFor(post(urlEqualTo(DEPLOYMENTS + "?force=true"))
                .willReturn(ok(deployment("d4", "12:09", "Rollback", V1, 100))));
        assertEquals(0, run("rollback", V1), err);
        assertEquals(
                "warning: secrets \"API_KEY\" changed since version " + V1 + " was deployed; rolling back anyway, as"
                        + " wrangler does without a terminal (?force=true)\n",
                err);
        assertTrue(requests()
                .get(requests().size() - 1)
                .startsWith("POST /accounts/acc1/workers/scripts/site/" + "deployments?force=true "));

        assertEquals(3, run("rollback", V1, "--strict"));
        assertEquals(
                "error: rollback: secrets \"API_KEY\" changed since version " + V1 + " was deployed, and --strict does"
                        + " not force the rollback; run without --strict to roll back anyway\n",
                err);
    }

    @Test
    void theDeploymentCarriesTheConfigsDurableObjectsStrategy(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(
                dir.resolve("wrangler.json"),
                "{\"name\": \"site\", \"durable_objects\": {\"code_update_strategy\": {\"mode\": \"immediate\"}}}");
        deploymentAnswer(deployment("d4", "12:09", "Rollback", V1, 100));
        CliRun run = CliRun.execute(env, "rollback", V1, "--config", config.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(
                requests().get(requests().size() - 1).endsWith(",\"code_update_strategy\":{\"mode\":\"immediate\"}}"),
                requests().toString());
    }

    @Test
    void rollbackWithNothingToGoBackToIsExit3() {
        deployments(deployment("d2", "12:07", null, V3, 100), deployment("d1", "12:06", null, V3, 100));
        assertEquals(3, run("rollback"));
        assertTrue(
                err.startsWith("error: rollback: no earlier deployment of Worker site gave all its traffic to"
                        + " another version"),
                err);
        assertTrue(requests().stream().noneMatch(r -> r.startsWith("POST")));
    }

    @Test
    void theWorkerNameComesFromTheConfigWhenNoFlagGivesIt() {
        CliRun run = CliRun.execute(env, "versions", "list", "--config", "/no/such/wrangler.json");
        assertEquals(3, run.code());
        assertEquals("error: --config /no/such/wrangler.json: no such file\n", run.err());
        assertEquals(List.of(), requests());
    }

    @Test
    void aScriptNameThatWouldLeaveItsPathSegmentIsAUsageErrorBeforeAnyRequest() {
        for (String[] command : new String[][] {{"versions", "list"}, {"deployments", "status"}, {"rollback"}}) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--script", "../../../../user/tokens?"));
            CliRun run = CliRun.execute(env, args.toArray(String[]::new));
            assertEquals(2, run.code(), run.err());
            assertTrue(
                    run.err()
                            .startsWith("error: --script is \"../../../../user/tokens?\", expected lowercase letters,"
                                    + " digits, - and _ only (not starting with -)\n"),
                    run.err());
        }
        assertEquals(List.of(), requests());
    }
}
