package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** workers.dev, routes, custom domains, schedules and script settings: the state kept, the bodies refused. */
class TriggerRulesTest {

    static final String ZONE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    FakeCloudflareApi api;
    FakeClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new FakeClient(api);
        api.workers().zone("example.com", ZONE).addWorker("site").deployedVersions(1);
        api.workers().addWorker("other").routes("example.com/taken/*").domains("taken.example.com");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    String path(String rest) {
        return client.account("/workers/scripts/site" + rest);
    }

    @Test
    void workersDevIsOffForANewWorkerAndPreviewsFollowEnabledUnlessSent() {
        assertFalse(api.workers().worker("site").workersDev());
        assertEquals(
                JsonParser.parseString("{\"enabled\":true,\"previews_enabled\":true}"),
                client.subdomain("site", "{\"enabled\":true}").result());
        assertEquals(
                JsonParser.parseString("{\"enabled\":false,\"previews_enabled\":true}"),
                client.subdomain("site", "{\"enabled\":false,\"previews_enabled\":true}")
                        .result());
        WorkerSnapshot site = api.workers().worker("site");
        assertFalse(site.workersDev());
        assertTrue(site.previewsEnabled());
        assertEquals(
                JsonParser.parseString(
                        "{\"enabled\":false,\"previews_enabled\":true,"
                                + "\"url\":\"https://site.acme.workers.dev\",\"preview_url_suffix\":\"-site.acme.workers.dev\"}"),
                client.get(client.account("/workers/workers/site"))
                        .result()
                        .getAsJsonObject()
                        .get("subdomain"));
    }

    @Test
    void theSubdomainCallNeedsABooleanEnabledAndWranglersApiDate() {
        List<String> answers = List.of(
                client.subdomain("site", "{}").line(),
                client.subdomain("site", "{\"enabled\":\"yes\"}").line(),
                client.subdomain("site", "{\"enabled\":true,\"previews_enabled\":1}")
                        .line(),
                client.subdomain("site", "{\"enabled\":true,\"preview\":true}").line(),
                client.json("POST", path("/subdomain"), "{\"enabled\":true}").line(),
                client.subdomain("nope", "{\"enabled\":true}").line());
        assertEquals(
                List.of(
                        "400 10021 enabled must be a boolean, got none",
                        "400 10021 enabled must be a boolean, got \"yes\"",
                        "400 10021 previews_enabled must be a boolean, got 1",
                        "400 10021 unknown workers.dev setting 'preview'",
                        "400 10021 header Cloudflare-Workers-Script-Api-Date: 2025-08-01 is required, got none",
                        "404 10007 workers.api.error.script_not_found"),
                answers);
        assertEquals(answers.size(), api.problems().size());
    }

    @Test
    void anAccountWithoutASubdomainAnswers10007AndCannotTurnWorkersDevOn() {
        api.workers().noSubdomain();
        assertEquals(
                "404 10007 workers.api.error.not_found",
                client.get(client.account("/workers/subdomain")).line());
        assertEquals(List.of(), api.problems(), "asking is not a problem");
        assertEquals(
                "400 10007 the account has no workers.dev subdomain: register one before enabling workers.dev",
                client.subdomain("site", "{\"enabled\":true}").line());
        assertEquals("200", client.subdomain("site", "{\"enabled\":false}").line());
        assertFalse(client.get(client.account("/workers/workers/site"))
                .result()
                .getAsJsonObject()
                .getAsJsonObject("subdomain")
                .has("url"));
    }

    @Test
    void routesReplaceTheWorkersRoutes() {
        api.workers().route("example.com/old/*", "site");
        FakeClient.Answer answer = client.json(
                "PUT",
                path("/routes"),
                "[{\"pattern\":\"example.com/app/*\",\"zone_name\":\"example.com\"},{\"pattern\":\"www.example.com/b/*\"}]");
        assertEquals("200", answer.line());
        assertEquals(
                List.of("example.com/app/*", "www.example.com/b/*"),
                api.workers().worker("site").routePatterns());
        assertEquals(
                List.of("example.com/taken/*", "example.com/app/*", "www.example.com/b/*"),
                client.get("/zones/" + ZONE + "/workers/routes").result().getAsJsonArray().asList().stream()
                        .map(r -> r.getAsJsonObject().get("pattern").getAsString())
                        .toList());
        assertEquals(
                ZONE,
                client.get("/zones?name=example.com&account.id=" + api.settings.accountId)
                        .result()
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString());
        assertEquals(
                0,
                client.get("/zones?name=www.example.com")
                        .result()
                        .getAsJsonArray()
                        .size());
    }

    @Test
    void routesOfTheWrongShapeOrZoneOrOwnerAreRefused() {
        List<String> answers = List.of(
                        "{\"pattern\":\"example.com/*\"}",
                        "[\"example.com/*\"]",
                        "[{\"pattern\":\"\"}]",
                        "[{\"pattern\":\"example.com/*\",\"zone\":\"example.com\"}]",
                        "[{\"pattern\":\"example.com/*\",\"zone_id\":\"z\",\"zone_name\":\"example.com\"}]",
                        "[{\"pattern\":\"example.org/*\"}]",
                        "[{\"pattern\":\"example.com/*\",\"zone_name\":\"example.org\"}]",
                        "[{\"pattern\":\"shop.example.com\",\"custom_domain\":true}]",
                        "[{\"pattern\":\"example.com/taken/*\"}]",
                        "[{\"pattern\":\"example.com/*\"},{\"pattern\":\"example.com/*\"}]")
                .stream()
                .map(body -> client.json("PUT", path("/routes"), body).line())
                .toList();
        assertEquals(
                List.of(
                        "400 10021 the routes must be a JSON array, got {\"pattern\":\"example.com/*\"}",
                        "400 10021 a route is {\"pattern\": ..., \"zone_id\" | \"zone_name\"?}, got \"example.com/*\"",
                        "400 10021 a route is {\"pattern\": ..., \"zone_id\" | \"zone_name\"?}, got {\"pattern\":\"\"}",
                        "400 10021 route 'example.com/*' has an unknown field 'zone'",
                        "400 10021 route 'example.com/*' has both zone_id and zone_name",
                        "400 10019 Could not find a zone for 'example.org/*'",
                        "400 10019 zone example.org not found",
                        "400 10021 route 'shop.example.com': custom domains go to the domains API, not routes",
                        "409 10020 route 'example.com/taken/*' is already assigned to Worker 'other'",
                        "400 10021 route 'example.com/*' is listed twice"),
                answers);
        assertEquals(List.of(), api.workers().worker("site").routes());
    }

    @Test
    void customDomainsAreAChangesetThenTheRecords() {
        api.workers().domain("old.example.com", "site");
        FakeClient.Answer changeset = client.json(
                "POST",
                path("/domains/changeset?replace_state=true"),
                "[{\"hostname\":\"shop.example.com\"},{\"hostname\":\"taken.example.com\"}]");
        assertEquals(
                List.of(List.of("shop.example.com"), List.of("old.example.com"), List.of("taken.example.com")),
                List.of("added", "removed", "updated").stream()
                        .map(key -> changeset.result().getAsJsonObject().getAsJsonArray(key).asList().stream()
                                .map(d -> d.getAsJsonObject().get("hostname").getAsString())
                                .toList())
                        .toList());
        assertEquals(
                List.of("old.example.com"), api.workers().worker("site").domainNames(), "a changeset changes nothing");
        String origins = "\"origins\":[{\"hostname\":\"shop.example.com\"},{\"hostname\":\"taken.example.com\"}]";
        assertEquals(
                "409 100117 taken.example.com is already a custom domain of Worker 'other'",
                client.json(
                                "PUT",
                                path("/domains/records"),
                                "{\"override_scope\":true,\"override_existing_origin\":false,"
                                        + "\"override_existing_dns_record\":true," + origins + "}")
                        .line());
        assertEquals(
                "200",
                client.json(
                                "PUT",
                                path("/domains/records"),
                                "{\"override_scope\":true,\"override_existing_origin\":true,"
                                        + "\"override_existing_dns_record\":true," + origins + "}")
                        .line());
        assertEquals(
                List.of("shop.example.com", "taken.example.com"),
                api.workers().worker("site").domainNames());
        assertEquals(List.of(), api.workers().worker("other").domainNames());
    }

    @Test
    void customDomainBodiesOfTheWrongShapeAreRefused() {
        List<String> answers = List.of(
                client.json("POST", path("/domains/changeset?replace_state=true"), "{\"hostname\":\"a.example.com\"}")
                        .line(),
                client.json("POST", path("/domains/changeset?replace_state=true"), "[{\"hostname\":\"*.example.com\"}]")
                        .line(),
                client.json("POST", path("/domains/changeset?replace_state=true"), "[{\"hostname\":\"a.example.org\"}]")
                        .line(),
                client.json("PUT", path("/domains/records"), "{\"origins\":[{\"hostname\":\"a.example.com\"}]}")
                        .line(),
                client.json(
                                "PUT",
                                path("/domains/records"),
                                "{\"override_scope\":true,\"override_existing_origin\":true,"
                                        + "\"override_existing_dns_record\":true}")
                        .line());
        assertEquals(
                List.of(
                        "400 10021 the custom domains must be a JSON array, got {\"hostname\":\"a.example.com\"}",
                        "400 10021 wildcards and paths are not allowed in custom domains: [*.example.com]",
                        "400 10019 Could not find a zone of the account for custom domain a.example.org",
                        "400 10021 override_scope is required (a boolean)",
                        "400 10021 origins is required (a list of {hostname, ...})"),
                answers);
    }

    @Test
    void schedulesAreReplacedAndAnEmptyListClearsThem() {
        assertEquals(
                "200",
                client.json("PUT", path("/schedules"), "[{\"cron\":\"*/5 * * * *\"},{\"cron\":\"0 3 * * 1\"}]")
                        .line());
        assertEquals(
                List.of("*/5 * * * *", "0 3 * * 1"),
                api.workers().worker("site").schedules());
        assertEquals("200", client.json("PUT", path("/schedules"), "[]").line());
        assertEquals(List.of(), api.workers().worker("site").schedules());
        List<String> answers = List.of(
                client.json("PUT", path("/schedules"), "{\"cron\":\"* * * * *\"}")
                        .line(),
                client.json("PUT", path("/schedules"), "[\"* * * * *\"]").line(),
                client.json("PUT", path("/schedules"), "[{\"cron\":\"* * * *\"}]")
                        .line(),
                client.json("PUT", path("/schedules"), "[{\"cron\":\"* * * * *\",\"x\":1}]")
                        .line(),
                client.json("PUT", path("/schedules"), "not json").line());
        assertEquals(
                List.of(
                        "400 10021 the schedules must be a JSON array, got {\"cron\":\"* * * * *\"}",
                        "400 10021 a schedule is {\"cron\": \"...\"}, got \"* * * * *\"",
                        "400 10021 invalid cron '* * * *': five fields expected",
                        "400 10021 a schedule is {\"cron\": \"...\"}, got {\"cron\":\"* * * * *\",\"x\":1}",
                        "400 10026 the request body is not JSON"),
                answers);
    }

    @Test
    void scriptSettingsTakeKnownKeysOfTheRightTypes() {
        assertEquals(
                JsonParser.parseString("{\"logpush\":true,\"observability\":{\"enabled\":true},"
                        + "\"tail_consumers\":[{\"service\":\"tail\"}],\"tags\":[\"cf:service=site\"]}"),
                client.json(
                                "PATCH",
                                path("/script-settings"),
                                "{\"tail_consumers\":[{\"service\":\"tail\"}],\"logpush\":true,"
                                        + "\"observability\":{\"enabled\":true},\"tags\":[\"cf:service=site\"]}")
                        .result());
        assertEquals(List.of("cf:service=site"), api.workers().worker("site").tags());
        List<String> answers = List.of(
                client.json("PATCH", path("/script-settings"), "{\"placement\":{}}")
                        .line(),
                client.json("PATCH", path("/script-settings"), "{\"logpush\":\"yes\"}")
                        .line(),
                client.json("PATCH", path("/script-settings"), "{\"tail_consumers\":[{\"name\":\"t\"}]}")
                        .line(),
                client.json("PATCH", path("/script-settings"), "{\"tags\":[1]}").line());
        assertEquals(
                List.of(
                        "400 10021 unknown script setting 'placement'",
                        "400 10021 script setting 'logpush' has the wrong shape: \"yes\"",
                        "400 10021 script setting 'tail_consumers' has the wrong shape: [{\"name\":\"t\"}]",
                        "400 10021 script setting 'tags' has the wrong shape: [1]"),
                answers);
        assertEquals(
                JsonParser.parseString("true"),
                api.workers().worker("site").settings().get("logpush"),
                "refused patches change nothing");
    }
}
