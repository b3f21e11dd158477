package dev.assetsdeploy.live;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.config.Route;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a route pattern answers, which host a route's zone is looked up by, and the account subdomain check. */
class TriggerUrlsTest {

    private static List<String> urls(String... patterns) {
        return Arrays.stream(patterns)
                .map(p -> new Trigger.ZoneRoute(Route.pattern(p)).url())
                .toList();
    }

    private static List<String> hosts(String... patterns) {
        return Arrays.stream(patterns)
                .map(p -> RouteCheck.host(Route.pattern(p)))
                .toList();
    }

    @Test
    void aRoutePatternIsAUrlUpToItsWildcardUnlessItsHostHasOne() {
        assertEquals(
                Arrays.asList(
                        "https://example.com/",
                        "https://example.com/app/",
                        "https://example.com/",
                        "http://example.com/x",
                        null,
                        null),
                urls(
                        "example.com/*",
                        "example.com/app/*",
                        "example.com",
                        "http://example.com/x",
                        "*.example.com/*",
                        "*/api/*"));
    }

    @Test
    void theHostOfARouteIsWhatWranglerLooksItsZoneUpBy() {
        assertEquals(
                Arrays.asList("example.com", "www.example.com", "example.com", "xn--bcher-kva.de", null),
                hosts("*.example.com/*", "WWW.example.com/blog/*", "https://example.com/*", "bücher.de/*", "*/api/*"));
    }

    @Test
    void aNewWorkerNeedsTheAccountSubdomainBeforeTheUpload() {
        try (WireMockApi api = new WireMockApi()) {
            api.server.stubFor(get("/client/v4/accounts/acc1/workers/subdomain")
                    .willReturn(WireMockApi.error(404, 10007, "workers.api.error.not_found")));
            assertFails(
                    Kind.API_REFUSED,
                    "the account has no workers.dev subdomain, so the Worker cannot answer on workers.dev: register"
                            + " one at https://dash.cloudflare.com/acc1/workers/onboarding, or set \"workers_dev\":"
                            + " false (--no-workers-dev) and give it routes or a custom domain",
                    () -> AccountSubdomain.checkBeforeUpload(api.client, "acc1"));
        }
    }

    @Test
    void aTokenThatMayNotReadTheSubdomainDoesNotStopTheDeployAsInWrangler() {
        try (WireMockApi api = new WireMockApi()) {
            api.server.stubFor(get("/client/v4/accounts/acc1/workers/subdomain")
                    .willReturn(WireMockApi.error(403, 10000, "Authentication error")));
            AccountSubdomain.checkBeforeUpload(api.client, "acc1");
            assertEquals(List.of("GET /accounts/acc1/workers/subdomain"), api.requests());
        }
    }
}
