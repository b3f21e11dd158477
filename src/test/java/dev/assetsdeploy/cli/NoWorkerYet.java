package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;

import com.github.tomakehurst.wiremock.WireMockServer;

/** For WireMock tests of a deploy: the reads of the live Worker find none, so the Worker is a new one's PUT. */
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
    }
}
