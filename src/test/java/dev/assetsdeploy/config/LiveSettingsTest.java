package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * workers_dev, preview_urls, route(s) and triggers: read and checked as wrangler 4.164 does, inherited by an
 * {@code --env} section as its {@code inheritable} does them (quirks included), and the flags over them.
 */
class LiveSettingsTest {

    @TempDir
    Path dir;

    private LoadedConfig load(String json, String env, LiveOverrides flags) throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), json);
        return new ConfigLoader(dir)
                .load(ConfigOverrides.builder().environment(env).live(flags).build(), Requirements.NONE);
    }

    private LiveSettings live(String json, String env) throws IOException {
        return load(json, env, LiveOverrides.NONE).config().live();
    }

    private List<String> problems(String json) throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), json);
        return assertThrows(
                        InvalidConfigException.class,
                        () -> new ConfigLoader(dir).load(ConfigOverrides.NONE, Requirements.NONE))
                .problems();
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static final String ENVS = """
            {"name": "site",
             "workers_dev": false, "preview_urls": true,
             "routes": [{"pattern": "example.com/*", "zone_name": "example.com"},
                        {"pattern": "shop.example.com", "custom_domain": true}],
             "triggers": {"crons": ["0 * * * *"]},
             "env": {
               "staging": {"workers_dev": true,
                           "routes": [{"pattern": "staging.example.com", "custom_domain": true}],
                           "triggers": {"crons": ["*/30 * * * *"]}},
               "qa": {},
               "only_route": {"route": "qa.example.com/*"},
               "no_routes": {"routes": []},
               "events_only": {"triggers": {}}
             }}
            """;

    @Test
    void noKeysMeanWorkersDevByDefaultAndNoOtherChange() throws IOException {
        LiveSettings live = live("{\"name\": \"site\"}", null);
        assertEquals(LiveSettings.NONE, live);
        assertTrue(live.wantsWorkersDev());
    }

    @Test
    void everyKindOfRouteIsReadInConfigOrder() throws IOException {
        LiveSettings live = live("""
                {"workers_dev": false, "preview_urls": true,
                 "routes": [{"pattern": "example.com/app/*", "zone_name": "example.com"},
                            "www.example.com/blog/*",
                            {"zone_id": "z1", "pattern": "example.org/*"},
                            {"pattern": "example.net/*", "zone_name": "example.net", "custom_domain": false},
                            {"pattern": "shop.example.com", "custom_domain": true, "previews_enabled": false}],
                 "triggers": {"crons": ["*/5 * * * *", "0 3 * * 1"]}}
                """, null);
        assertEquals(
                new LiveSettings(
                        false,
                        true,
                        List.of(
                                new Route(
                                        "example.com/app/*",
                                        null,
                                        "example.com",
                                        false,
                                        null,
                                        null,
                                        json("{\"pattern\": \"example.com/app/*\", \"zone_name\": \"example.com\"}")),
                                Route.pattern("www.example.com/blog/*"),
                                new Route(
                                        "example.org/*",
                                        "z1",
                                        null,
                                        false,
                                        null,
                                        null,
                                        json("{\"zone_id\": \"z1\", \"pattern\": \"example.org/*\"}")),
                                new Route(
                                        "example.net/*",
                                        null,
                                        "example.net",
                                        false,
                                        null,
                                        null,
                                        json("{\"pattern\": \"example.net/*\", \"zone_name\": \"example.net\","
                                                + " \"custom_domain\": false}")),
                                new Route(
                                        "shop.example.com",
                                        null,
                                        null,
                                        true,
                                        null,
                                        false,
                                        json("{\"pattern\": \"shop.example.com\", \"custom_domain\": true,"
                                                + " \"previews_enabled\": false}"))),
                        List.of("*/5 * * * *", "0 3 * * 1")),
                live);
        assertFalse(live.wantsWorkersDev());
    }

    @Test
    void routesTurnTheWorkersDevDefaultOffCustomDomainsToo() throws IOException {
        assertFalse(live("{\"routes\": [{\"pattern\": \"shop.example.com\", \"custom_domain\": true}]}", null)
                .wantsWorkersDev());
        assertTrue(live("{\"routes\": [\"example.com/*\"], \"workers_dev\": true}", null)
                .wantsWorkersDev());
        assertTrue(live("{\"routes\": []}", null).wantsWorkersDev());
    }

    @Test
    void aSingleRouteIsAListOfOne() throws IOException {
        assertEquals(
                List.of(Route.pattern("example.com/*")),
                live("{\"route\": \"example.com/*\"}", null).routes());
    }

    @Test
    void anEmptyCronListIsKeptApartFromNoCrons() throws IOException {
        assertEquals(List.of(), live("{\"triggers\": {\"crons\": []}}", null).crons());
        assertNull(live("{\"triggers\": {}}", null).crons());
        assertNull(live("{}", null).crons());
    }

    @Test
    void anEnvOverridesEachField() throws IOException {
        LiveSettings live = live(ENVS, "staging");
        assertEquals(true, live.workersDev());
        assertEquals(true, live.previewUrls(), "preview_urls is inherited");
        assertEquals(
                List.of(new Route(
                        "staging.example.com",
                        null,
                        null,
                        true,
                        null,
                        null,
                        json("{\"pattern\": \"staging.example.com\", \"custom_domain\": true}"))),
                live.routes());
        assertEquals(List.of("*/30 * * * *"), live.crons());
    }

    @Test
    void anEmptyEnvInheritsEverythingAndIsWarnedAboutTheCustomDomains() throws IOException {
        LoadedConfig loaded = load(ENVS, "qa", LiveOverrides.NONE);
        LiveSettings live = loaded.config().live();
        assertEquals(false, live.workersDev());
        assertEquals(true, live.previewUrls());
        assertEquals(List.of("example.com/*", "shop.example.com"), patterns(live));
        assertEquals(List.of("0 * * * *"), live.crons());
        assertEquals(
                List.of(new ConfigWarning(
                        ConfigWarning.Code.SUSPICIOUS_VALUE,
                        "wrangler.json: routes is inherited by env.qa with the custom domain shop.example.com:"
                                + " deploying env.qa moves it away from the top-level Worker; add \"routes\": [] to"
                                + " env.qa to stop the inheritance, or copy the routes into it to hide this warning")),
                loaded.warnings());
    }

    @Test
    void anEnvWithOnlyRouteStillDeploysTheTopLevelRoutesAsWranglerDoes() throws IOException {
        assertEquals(List.of("example.com/*", "shop.example.com"), patterns(live(ENVS, "only_route")));
    }

    @Test
    void anEnvWithEmptyRoutesStopsTheInheritanceAndAsksForNoRouteChange() throws IOException {
        LoadedConfig loaded = load(ENVS, "no_routes", LiveOverrides.NONE);
        assertEquals(List.of(), loaded.config().live().routes());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void anEnvTriggersTableReplacesTheTopLevelOneWhole() throws IOException {
        assertNull(live(ENVS, "events_only").crons());
    }

    @Test
    void theFlagsReplaceRoutesAddDomainsAndReplaceCrons() throws IOException {
        LoadedConfig loaded = load(
                ENVS,
                "qa",
                new LiveOverrides(
                        true, false, List.of("example.com/new/*"), List.of("www.example.com"), List.of("0 4 * * *")));
        LiveSettings live = loaded.config().live();
        assertEquals(true, live.workersDev());
        assertEquals(false, live.previewUrls());
        assertEquals(List.of(Route.pattern("example.com/new/*"), Route.domain("www.example.com")), live.routes());
        assertEquals(List.of("0 4 * * *"), live.crons());
        assertEquals(List.of(), loaded.warnings(), "with --route nothing is inherited");
    }

    @Test
    void aDomainFlagAddsToTheConfigRoutes() throws IOException {
        LiveSettings live = load(ENVS, null, new LiveOverrides(null, null, null, List.of("www.example.com"), null))
                .config()
                .live();
        assertEquals(List.of("example.com/*", "shop.example.com", "www.example.com"), patterns(live));
    }

    @Test
    void badFlagValuesAreNamed() throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), "{}");
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> new ConfigLoader(dir)
                        .load(
                                ConfigOverrides.builder()
                                        .live(new LiveOverrides(
                                                null, null, List.of(" "), List.of("*.example.com/x"), List.of("")))
                                        .build(),
                                Requirements.NONE));
        assertEquals(
                List.of(
                        "--route is empty, expected a route pattern like example.com/*",
                        "--domain \"*.example.com/x\" is a custom domain with a wildcard (*): a custom domain is one"
                                + " host name (use a zone route for a wildcard)",
                        "--domain \"*.example.com/x\" is a custom domain with a path (/): a custom domain is a host"
                                + " name only (use a zone route for a path)",
                        "--schedule is empty, expected a cron expression like \"*/5 * * * *\""),
                e.problems());
    }

    @Test
    void badRouteEntriesAreNamedOneProblemEach() throws IOException {
        String shapes = "\"example.com/*\", {\"pattern\": \"example.com/*\", \"zone_name\": \"example.com\"}"
                + " (or \"zone_id\"), or {\"pattern\": \"shop.example.com\", \"custom_domain\": true}";
        assertEquals(
                List.of(
                        "wrangler.json: routes[0] is 42, expected a route: " + shapes,
                        "wrangler.json: routes[1] is empty, expected a route: " + shapes,
                        "wrangler.json: routes[2] has only a pattern: add \"zone_name\" (or \"zone_id\"), or"
                                + " \"custom_domain\": true, or write the pattern as a plain string",
                        "wrangler.json: routes[3] has both zone_id and zone_name: keep one",
                        "wrangler.json: routes[4]: enabled and previews_enabled apply to a custom domain only: add"
                                + " \"custom_domain\": true, or remove them",
                        "wrangler.json: routes[5] has the field zone, expected only custom_domain, enabled, pattern,"
                                + " previews_enabled, zone_id, zone_name",
                        "wrangler.json: routes[6].custom_domain is \"yes\", expected true or false",
                        "wrangler.json: routes[7] has no pattern, expected a route: " + shapes,
                        "wrangler.json: routes[8].pattern \"*.example.com\" is a custom domain with a wildcard (*): a"
                                + " custom domain is one host name (use a zone route for a wildcard)",
                        "wrangler.json: routes[9].pattern \"example.com/shop\" is a custom domain with a path (/): a"
                                + " custom domain is a host name only (use a zone route for a path)",
                        "wrangler.json: routes[10].zone_id is \"../zones\", expected letters, digits, _ and - only"),
                problems("""
                        {"routes": [42, "",
                                    {"pattern": "a.example.com/*"},
                                    {"pattern": "b.example.com/*", "zone_id": "z", "zone_name": "example.com"},
                                    {"pattern": "c.example.com/*", "zone_name": "example.com", "enabled": true},
                                    {"pattern": "d.example.com/*", "zone": "example.com"},
                                    {"pattern": "e.example.com", "custom_domain": "yes"},
                                    {"zone_name": "example.com"},
                                    {"pattern": "*.example.com", "custom_domain": true},
                                    {"pattern": "example.com/shop", "custom_domain": true},
                                    {"pattern": "example.com/*", "zone_id": "../zones"}]}
                        """));
    }

    @Test
    void otherBadValuesAreNamed() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.json: route and routes are both set: keep one (routes takes a list)",
                        "wrangler.json: workers_dev is \"yes\", expected true or false",
                        "wrangler.json: preview_urls is 1, expected true or false",
                        "wrangler.json: triggers.crons[1] is 5, expected a cron expression like \"*/5 * * * *\""),
                problems("""
                        {"route": "a.example.com/*", "routes": ["b.example.com/*"],
                         "workers_dev": "yes", "preview_urls": 1, "triggers": {"crons": ["0 * * * *", 5]}}
                        """));
    }

    @Test
    void theSelectedEnvIsCheckedToo() throws IOException {
        Files.writeString(dir.resolve("wrangler.json"), """
                {"env": {"a": {"routes": "x.example.com/*", "triggers": []}}}
                """);
        assertEquals(
                List.of(
                        "wrangler.json: env.a.routes is \"x.example.com/*\", expected a list of routes: "
                                + "\"example.com/*\", {\"pattern\": \"example.com/*\", \"zone_name\": \"example.com\"}"
                                + " (or \"zone_id\"), or {\"pattern\": \"shop.example.com\", \"custom_domain\": true}",
                        "wrangler.json: env.a.triggers is an empty list, expected an object like {\"crons\": [\"*/5 * * *"
                                + " *\"]}"),
                assertThrows(
                                InvalidConfigException.class,
                                () -> new ConfigLoader(dir)
                                        .load(
                                                ConfigOverrides.builder()
                                                        .environment("a")
                                                        .build(),
                                                Requirements.NONE))
                        .problems());
    }

    @Test
    void anEmptyRouteIsIgnoredWithAWarning() throws IOException {
        LoadedConfig loaded = load("{\"route\": \"\", \"routes\": [\"example.com/*\"]}", null, LiveOverrides.NONE);
        assertEquals(List.of("example.com/*"), patterns(loaded.config().live()));
        assertEquals(
                List.of(new ConfigWarning(
                        ConfigWarning.Code.SUSPICIOUS_VALUE, "wrangler.json: route is empty: ignored (remove it)")),
                loaded.warnings());
    }

    @Test
    void aTomlRouteTableKeepsItsKeysInOrder() throws IOException {
        Files.writeString(dir.resolve("wrangler.toml"), """
                [[routes]]
                zone_name = "example.com"
                pattern = "example.com/*"
                """);
        LiveSettings live = new ConfigLoader(dir)
                .load(ConfigOverrides.NONE, Requirements.NONE)
                .config()
                .live();
        assertEquals(
                "{\"zone_name\":\"example.com\",\"pattern\":\"example.com/*\"}",
                live.routes().get(0).written().toString());
    }

    private static List<String> patterns(LiveSettings live) {
        return live.routes().stream().map(Route::pattern).toList();
    }
}
