package dev.assetsdeploy.live;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerSubdomainTest {

    final WireMockApi api = new WireMockApi();

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void readsTheStateAndTheUrls() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(WireMockApi.ok("{\"id\":\"t\",\"name\":\"site\",\"subdomain\":{\"enabled\":true,"
                        + "\"previews_enabled\":false,\"url\":\"https://site.acme.workers.dev\","
                        + "\"preview_url_suffix\":\"-site.acme.workers.dev\"}}")));

        WorkerSubdomain state = WorkerSubdomain.read(api.client, "site");

        assertEquals(
                new WorkerSubdomain(true, false, "https://site.acme.workers.dev", "-site.acme.workers.dev"), state);
        assertEquals("site.acme.workers.dev", state.host());
        assertEquals(List.of("GET /accounts/acc1/workers/workers/site"), api.requests());
    }

    @Test
    void missingFieldsCountAsOffAndUnknown() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(WireMockApi.ok("{\"id\":\"t\",\"subdomain\":{}}")));

        WorkerSubdomain state = WorkerSubdomain.read(api.client, "site");

        assertEquals(new WorkerSubdomain(false, false, null, null), state);
        assertEquals(null, state.host());
    }

    @Test
    void aUrlThatIsNotAnHttpsHostNameIsNotUsed() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(WireMockApi.ok("{\"subdomain\":{\"enabled\":true,\"url\":\"https://evil\\u001b[31m.dev\","
                        + "\"preview_url_suffix\":\"-x y\"}}")));

        assertEquals(new WorkerSubdomain(true, false, null, null), WorkerSubdomain.read(api.client, "site"));
    }

    @Test
    void aServerErrorIsRetriedAsAGetMayBe() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .inScenario("flaky")
                .whenScenarioStateIs("Started")
                .willReturn(WireMockApi.error(500, 10013, "An unknown error has occurred."))
                .willSetStateTo("ok"));
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .inScenario("flaky")
                .whenScenarioStateIs("ok")
                .willReturn(WireMockApi.ok("{\"subdomain\":{\"enabled\":true}}")));

        assertEquals(new WorkerSubdomain(true, false, null, null), WorkerSubdomain.read(api.client, "site"));
        assertEquals(2, api.requests().size());
    }

    @Test
    void aWorkerThatDoesNotExistSaysSo() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(WireMockApi.error(404, 10007, "This Worker does not exist on your account.")));

        assertFails(
                Kind.API_REFUSED,
                "Worker site does not exist in this account (GET /accounts/acc1/workers/workers/site: HTTP 404: 10007:"
                        + " This Worker does not exist on your account.): deploy it first with `assets-deploy all`"
                        + " or `assets-deploy deploy`",
                () -> WorkerSubdomain.read(api.client, "site"));
    }
}
