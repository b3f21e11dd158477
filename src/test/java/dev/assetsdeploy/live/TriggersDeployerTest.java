package dev.assetsdeploy.live;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.assetsdeploy.live.WireMockApi.error;
import static dev.assetsdeploy.live.WireMockApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.config.LiveSettings;
import dev.assetsdeploy.config.Route;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The triggers phase against WireMock: each request and body, the order, and what fails how. */
class TriggersDeployerTest {

    static final String A = "/client/v4/accounts/acc1";
    static final String S = A + "/workers/scripts/site";
    static final String ZONE = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    final WireMockApi api = new WireMockApi();

    @AfterEach
    void stop() {
        api.close();
    }

    static Route zoneNamed(String pattern, String zone) {
        JsonObject written = new JsonObject();
        written.addProperty("pattern", pattern);
        written.addProperty("zone_name", zone);
        return new Route(pattern, null, zone, false, null, null, written);
    }

    /** The triggers-all recording's config: workers.dev off, previews on, two zone routes, a custom domain, two crons. */
    static final LiveSettings ALL = new LiveSettings(
            false,
            true,
            List.of(
                    zoneNamed("example.com/app/*", "example.com"),
                    Route.pattern("www.example.com/blog/*"),
                    Route.domain("shop.example.com")),
            List.of("*/5 * * * *", "0 3 * * 1"));

    /** {@code first}, then the four calls that set {@link #ALL}'s routes, custom domain and crons, in wrangler's order. */
    static List<String> withTheSettingCalls(String... first) {
        List<String> calls = new java.util.ArrayList<>(List.of(first));
        calls.addAll(List.of(
                "PUT /accounts/acc1/workers/scripts/site/routes [{\"pattern\":\"example.com/app/*\","
                        + "\"zone_name\":\"example.com\"},{\"pattern\":\"www.example.com/blog/*\"}]",
                "POST /accounts/acc1/workers/scripts/site/domains/changeset?replace_state=true"
                        + " [{\"hostname\":\"shop.example.com\"}]",
                "PUT /accounts/acc1/workers/scripts/site/schedules [{\"cron\":\"*/5 * * * *\"},"
                        + "{\"cron\":\"0 3 * * 1\"}]",
                "PUT /accounts/acc1/workers/scripts/site/domains/records {\"override_scope\":true,"
                        + "\"override_existing_origin\":true,\"override_existing_dns_record\":true,"
                        + "\"origins\":[{\"hostname\":\"shop.example.com\"}]}"));
        return calls;
    }

    LiveResult apply(LiveSettings settings, boolean firstDeploy) {
        return new TriggersDeployer(api.client, "acc1")
                .apply(new TriggerPlan("site", settings), firstDeploy, "wrangler.json");
    }

    void workerState(boolean enabled, boolean previews, boolean withUrl) {
        api.server.stubFor(get(A + "/workers/workers/site")
                .willReturn(ok("{\"name\":\"site\",\"subdomain\":{\"enabled\":" + enabled + ",\"previews_enabled\":"
                        + previews
                        + (withUrl
                                ? ",\"url\":\"https://site.acme.workers.dev\",\"preview_url_suffix\":"
                                        + "\"-site.acme.workers.dev\""
                                : "")
                        + "}}")));
    }

    void subdomainAnswers(boolean enabled, boolean previews) {
        api.server.stubFor(post(S + "/subdomain")
                .willReturn(ok("{\"enabled\":" + enabled + ",\"previews_enabled\":" + previews + "}")));
    }

    void allTheRestAnswer() {
        api.server.stubFor(get(urlEqualTo("/client/v4/zones?name=example.com&account.id=acc1"))
                .willReturn(ok("[{\"id\":\"" + ZONE + "\",\"name\":\"example.com\"}]")));
        api.server.stubFor(get(urlEqualTo("/client/v4/zones?name=www.example.com&account.id=acc1"))
                .willReturn(ok("[]")));
        api.server.stubFor(get("/client/v4/zones/" + ZONE + "/workers/routes")
                .willReturn(ok("[{\"id\":\"r1\",\"pattern\":\"example.com/old/*\",\"script\":\"other\"}]")));
        api.server.stubFor(put(S + "/routes").willReturn(ok("[]")));
        api.server.stubFor(post(urlEqualTo(S + "/domains/changeset?replace_state=true"))
                .willReturn(ok("{\"added\":[],\"removed\":[],\"updated\":[],\"conflicting\":[]}")));
        api.server.stubFor(put(S + "/schedules").willReturn(ok("{\"schedules\":[]}")));
        api.server.stubFor(put(S + "/domains/records").willReturn(ok("[]")));
    }

    @Test
    void aNewWorkerWithoutRoutesIsTurnedOnAtWorkersDev() {
        workerState(false, false, true);
        subdomainAnswers(true, true);

        LiveResult result = apply(LiveSettings.NONE, true);

        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/workers/site",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":true}"),
                api.requests());
        api.server.verify(postRequestedFor(urlEqualTo(S + "/subdomain"))
                .withHeader("Cloudflare-Workers-Script-Api-Date", equalTo("2025-08-01"))
                .withHeader("Content-Type", equalTo("application/json")));
        assertEquals(List.of(new Trigger.WorkersDev("site.acme.workers.dev")), result.triggers());
        assertEquals(List.of("https://site.acme.workers.dev"), result.urls());
        assertTrue(result.complete());
        assertEquals(List.of(), result.warnings(), "no default warning on a first deploy");
    }

    @Test
    void withoutAUrlInTheWorkerStateTheAccountSubdomainNamesTheHost() {
        workerState(true, true, false);
        api.server.stubFor(get(A + "/workers/subdomain").willReturn(ok("{\"subdomain\":\"acme\"}")));
        subdomainAnswers(true, true);

        LiveResult result = apply(LiveSettings.NONE, false);

        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/workers/site",
                        "GET /accounts/acc1/workers/subdomain",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":true}"),
                api.requests());
        assertEquals(List.of("https://site.acme.workers.dev"), result.urls());
    }

    @Test
    void everyTriggerKindInWranglersOrderWithTheRouteCheck() {
        workerState(false, false, true);
        subdomainAnswers(false, true);
        allTheRestAnswer();

        LiveResult result = apply(ALL, true);

        assertEquals(
                withTheSettingCalls(
                        "GET /accounts/acc1/workers/workers/site",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":false,\"previews_enabled\":true}",
                        "GET /zones?name=example.com&account.id=acc1",
                        "GET /zones?name=www.example.com&account.id=acc1",
                        "GET /zones/" + ZONE + "/workers/routes"),
                api.requests());
        assertEquals(
                List.of(
                        new Trigger.ZoneRoute(ALL.routes().get(0)),
                        new Trigger.ZoneRoute(ALL.routes().get(1)),
                        new Trigger.CustomDomain(ALL.routes().get(2)),
                        new Trigger.Schedule("*/5 * * * *"),
                        new Trigger.Schedule("0 3 * * 1")),
                result.triggers());
        assertEquals(
                List.of("https://example.com/app/", "https://www.example.com/blog/", "https://shop.example.com"),
                result.urls());
        assertTrue(result.complete());
    }

    @Test
    void noRouteCheckWhenWorkersDevIsTurnedOff() {
        workerState(true, true, true);
        subdomainAnswers(false, true);
        allTheRestAnswer();

        apply(ALL, false);

        assertTrue(
                api.requests().stream().noneMatch(r -> r.startsWith("GET /zones")),
                api.requests().toString());
    }

    @Test
    void aRouteOfAnotherWorkerStopsThePhase() {
        workerState(false, false, true);
        subdomainAnswers(false, true);
        allTheRestAnswer();
        api.server.stubFor(get("/client/v4/zones/" + ZONE + "/workers/routes")
                .willReturn(ok("[{\"id\":\"r1\",\"pattern\":\"example.com/app/*\",\"script\":\"other\"}]")));

        LiveResult result = apply(ALL, true);

        assertEquals(
                List.of(new TriggerFailure(
                        "routes",
                        null,
                        "Worker other already has example.com/app/*: unassign it from the other Worker first"
                                + " (https://dash.cloudflare.com/acc1/workers/overview), or change the routes")),
                result.failures());
        assertEquals(List.of("custom domains", "cron schedules"), result.notAttempted());
        assertEquals(5, api.requests().size(), "nothing is set: " + api.requests());
    }

    @Test
    void aRouteOutsideTheAccountsZonesStopsThePhase() {
        workerState(false, false, true);
        subdomainAnswers(false, false);
        api.server.stubFor(get(urlEqualTo("/client/v4/zones?name=shop.example.org&account.id=acc1"))
                .willReturn(ok("[]")));
        api.server.stubFor(get(urlEqualTo("/client/v4/zones?name=example.org&account.id=acc1"))
                .willReturn(ok("[]")));

        LiveResult result =
                apply(new LiveSettings(false, null, List.of(Route.pattern("shop.example.org/*")), null), true);

        assertEquals(
                List.of(new TriggerFailure(
                        "routes",
                        null,
                        "no zone of this account holds shop.example.org: a route's domain must be a zone on"
                                + " Cloudflare, proxied (https://developers.cloudflare.com/workers/configuration/"
                                + "routing/routes/#set-up-a-route)")),
                result.failures());
        assertEquals(List.of(), result.notAttempted());
    }

    @Test
    void aRefusedCallIsCollectedAndTheOthersStillRun() {
        workerState(true, true, true);
        subdomainAnswers(false, true);
        allTheRestAnswer();
        api.server.stubFor(put(S + "/routes").willReturn(error(403, 10000, "Authentication error")));

        LiveResult result = apply(ALL, false);

        assertEquals(1, result.failures().size());
        TriggerFailure failure = result.failures().get(0);
        assertEquals("routes", failure.part());
        assertEquals("PUT /accounts/acc1/workers/scripts/site/routes", failure.request());
        assertTrue(
                failure.reason().startsWith("HTTP 403: 10000: Authentication error")
                        && failure.reason()
                                .endsWith("(the API token needs the permission Zone > Workers Routes > Edit for All"
                                        + " zones; assets-deploy does not fall back to one zone at a time as"
                                        + " wrangler does)"),
                failure.reason());
        assertEquals(
                List.of(
                        new Trigger.CustomDomain(ALL.routes().get(2)),
                        new Trigger.Schedule("*/5 * * * *"),
                        new Trigger.Schedule("0 3 * * 1")),
                result.triggers());
        assertEquals(List.of(), result.notAttempted());
    }

    @Test
    void aWorkersDevFailureStopsThePhase() {
        workerState(false, false, true);
        api.server.stubFor(post(S + "/subdomain").willReturn(error(400, 10021, "bad body")));

        LiveResult result = apply(ALL, true);

        assertEquals(
                List.of(new TriggerFailure(
                        "workers.dev",
                        "POST /accounts/acc1/workers/scripts/site/subdomain",
                        "HTTP 400: 10021: bad body")),
                result.failures());
        assertEquals(List.of("routes", "custom domains", "cron schedules"), result.notAttempted());
        assertEquals(List.of(), result.triggers());
    }

    @Test
    void anAccountWithoutASubdomainAfterTheUploadSaysWhereToRegister() {
        workerState(false, false, false);
        api.server.stubFor(get(A + "/workers/subdomain").willReturn(error(404, 10007, "workers.api.error.not_found")));

        LiveResult result = apply(LiveSettings.NONE, false);

        assertEquals(
                List.of(new TriggerFailure(
                        "workers.dev",
                        "GET /accounts/acc1/workers/subdomain",
                        "the account has no workers.dev subdomain, so the Worker cannot answer on workers.dev:"
                                + " register one at https://dash.cloudflare.com/acc1/workers/onboarding, or set"
                                + " \"workers_dev\": false (--no-workers-dev) and give it routes or a custom domain")),
                result.failures());
    }

    @Test
    void aFailedCallThatMayPassIsRetriedAsEveryCallHereIsSafeToRepeat() {
        workerState(true, true, true);
        subdomainAnswers(true, true);
        api.server.stubFor(put(S + "/schedules")
                .inScenario("flaky")
                .whenScenarioStateIs("Started")
                .willReturn(error(503, 10013, "An unknown error has occurred."))
                .willSetStateTo("ok"));
        api.server.stubFor(put(S + "/schedules")
                .inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(ok("{\"schedules\":[]}")));

        LiveResult result = apply(new LiveSettings(null, null, List.of(), List.of()), false);

        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/workers/site",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":true}",
                        "PUT /accounts/acc1/workers/scripts/site/schedules []",
                        "PUT /accounts/acc1/workers/scripts/site/schedules []"),
                api.requests());
        assertTrue(result.complete());
        assertEquals(List.of("https://site.acme.workers.dev"), result.urls(), "an empty cron list lists nothing");
    }

    @Test
    void domainsTakenFromAnotherWorkerOrWithAConflictingRecordAreNamed() {
        workerState(true, true, true);
        subdomainAnswers(true, true);
        allTheRestAnswer();
        api.server.stubFor(post(urlEqualTo(S + "/domains/changeset?replace_state=true"))
                .willReturn(ok("{\"added\":[],\"removed\":[],\"updated\":[{\"id\":\"d1\",\"hostname\":"
                        + "\"shop.example.com\",\"service\":\"old-shop\",\"modified\":true}],"
                        + "\"conflicting\":[{\"hostname\":\"www.example.com\"}]}")));

        LiveResult result = apply(
                new LiveSettings(
                        true, null, List.of(Route.domain("shop.example.com"), Route.domain("www.example.com")), null),
                false);

        assertEquals(
                List.of(
                        "custom domain shop.example.com is attached to Worker old-shop: it moves to site (as wrangler"
                                + " does without a terminal)",
                        "custom domain www.example.com has a DNS record that conflicts with it: the record is"
                                + " replaced (as wrangler does without a terminal)"),
                result.warnings());
        assertTrue(result.complete());
    }

    @Test
    void aFailedChangesetIsAWarningAndTheDomainsAreAttachedAnyway() {
        workerState(true, true, true);
        subdomainAnswers(true, true);
        allTheRestAnswer();
        api.server.stubFor(
                post(urlEqualTo(S + "/domains/changeset?replace_state=true")).willReturn(error(400, 100117, "bad")));

        LiveResult result = apply(new LiveSettings(true, null, List.of(Route.domain("shop.example.com")), null), true);

        assertEquals(
                List.of("could not check which custom domains would move from another Worker (POST"
                        + " /accounts/acc1/workers/scripts/site/domains/changeset?replace_state=true: HTTP 400:"
                        + " 100117: bad); attaching them anyway, as wrangler does"),
                result.warnings());
        assertEquals(List.of("https://site.acme.workers.dev", "https://shop.example.com"), result.urls());
    }

    @Test
    void aRedeployWhereADefaultChangedTheStateSaysSo() {
        workerState(true, true, true);
        subdomainAnswers(false, false);
        allTheRestAnswer();

        LiveResult result = apply(new LiveSettings(null, null, List.of(Route.pattern("example.com/*")), null), false);

        assertEquals(
                List.of(
                        "workers_dev is not set in wrangler.json, so workers.dev is off for this deploy by default"
                                + " (it was on); set \"workers_dev\": true (--workers-dev) to keep it as it was",
                        "preview_urls is not set in wrangler.json, so preview URLs are off for this deploy by"
                                + " default, as workers.dev is off (they were on); set \"preview_urls\": true"
                                + " (--preview-urls) to keep them as they were"),
                result.warnings());
    }

    @Test
    void theDryRunListsTheRequestsWithTheirBodies() {
        List<TriggerPlan.PlannedRequest> requests =
                new TriggerPlan("site", ALL).requests(dev.assetsdeploy.api.ApiPaths.forAccount("acc1"), true);
        assertEquals(
                withTheSettingCalls(
                        "GET /accounts/acc1/workers/workers/site null",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":false,\"previews_enabled\":true}",
                        "GET /zones?name=ZONE&account.id=acc1 null"),
                requests.stream()
                        .map(r -> r.method() + " " + r.path() + " " + r.body())
                        .toList());
    }

    @Test
    void aRouteObjectIsSentAsTheConfigWroteIt() {
        JsonObject written = JsonParser.parseString(
                        "{\"zone_name\":\"example.com\",\"pattern\":\"example.com/*\",\"custom_domain\":false}")
                .getAsJsonObject();
        Route route = new Route("example.com/*", null, "example.com", false, null, null, written);
        assertEquals(
                "[{\"zone_name\":\"example.com\",\"pattern\":\"example.com/*\",\"custom_domain\":false}]",
                new TriggerPlan("site", new LiveSettings(null, null, List.of(route), null))
                        .routesBody()
                        .toString());
    }

    @Test
    void aCustomDomainsOptionalFieldsGoIntoItsOrigin() {
        Route domain = new Route("shop.example.com", "z9", null, true, false, true, null);
        assertEquals(
                "[{\"hostname\":\"shop.example.com\",\"zone_id\":\"z9\",\"enabled\":false,\"previews_enabled\":true}]",
                new TriggerPlan("site", new LiveSettings(null, null, List.of(domain), null))
                        .origins()
                        .toString());
        assertEquals(null, new Trigger.CustomDomain(domain).url(), "production traffic off: not a URL");
    }
}
