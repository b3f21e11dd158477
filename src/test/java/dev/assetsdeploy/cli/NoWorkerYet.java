package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * For WireMock tests of a deploy: the reads of the live Worker find none, so the Worker is a new one's PUT; then it
 * goes live on workers.dev (the account's subdomain is acme, the new Worker's workers.dev route off until turned on).
 */
final class NoWorkerYet {

    private NoWorkerYet() {}

    /** Every {@code GET} answers 404 / 10007 ("no such Worker"). */
    static void stub(WireMockServer wm) {
        wm.stubFor(
                get(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10007,"
                                                        + "\"message\":\"workers.api.error.script_not_found\"}],\"messages\":[],\"result\":null}")));
        wm.stubFor(get("/client/v4/accounts/acc1/workers/subdomain")
                .willReturn(okJson(
                        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"subdomain\":\"acme\"}}")));
        wm.stubFor(
                get(urlMatching("/client/v4/accounts/acc1/workers/workers/([^/]+)"))
                        .willReturn(
                                okJson(
                                        "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"subdomain\":"
                                                + "{\"enabled\":false,\"previews_enabled\":false,\"url\":\"https://site.acme.workers.dev\"}}}")));
        wm.stubFor(post(urlMatching("/client/v4/accounts/acc1/workers/scripts/([^/]+)/subdomain"))
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],"
                        + "\"result\":{\"enabled\":true,\"previews_enabled\":true}}")));
    }
}
