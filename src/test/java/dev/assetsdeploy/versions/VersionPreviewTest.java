package dev.assetsdeploy.versions;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static dev.assetsdeploy.live.WireMockApi.error;
import static dev.assetsdeploy.live.WireMockApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.live.WireMockApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A version upload's preview URLs, as wrangler 4.164 prints them (recordings versions-upload-alias, -no-previews). */
class VersionPreviewTest {

    static final String VERSION = "3c42b095-4675-51b2-81be-c536ac701afb";
    static final DeployResult UPLOADED =
            new DeployResult(new DeployTarget("site", null, true), VERSION, "etag", 5L, false, null, true);

    final WireMockApi api = new WireMockApi();

    @AfterEach
    void close() {
        api.close();
    }

    void worker(boolean previewsEnabled) {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(ok("{\"id\":\"44a1\",\"name\":\"site\",\"subdomain\":{\"enabled\":true,"
                        + "\"previews_enabled\":" + previewsEnabled + ",\"url\":\"https://site.acme.workers.dev\","
                        + "\"preview_url_suffix\":\"-site.acme.workers.dev\"}}")));
    }

    @Test
    void theVersionAndItsAliasAnswerUnderThePreviewSuffix() {
        worker(true);
        VersionPreview preview = VersionPreview.of(api.client, UPLOADED, PreviewAlias.resolve("pr-42", "site"));
        assertEquals(
                new VersionPreview.Urls(
                        "https://3c42b095-site.acme.workers.dev", "https://pr-42-site.acme.workers.dev"),
                preview);
        assertEquals(List.of("GET /accounts/acc1/workers/workers/site"), api.requests());
        assertEquals(
                new VersionPreview.Urls("https://3c42b095-site.acme.workers.dev", null),
                VersionPreview.of(api.client, UPLOADED, null));
    }

    @Test
    void previewsOffSaySo() {
        worker(false);
        assertEquals(
                new VersionPreview.None(VersionPreview.Reason.PREVIEWS_OFF, null),
                VersionPreview.of(api.client, UPLOADED, null));
    }

    @Test
    void aVersionWithoutPreviewAsksNothing() {
        DeployResult noPreview = new DeployResult(UPLOADED.target(), VERSION, "etag", 5L, false, null, false);
        assertEquals(
                new VersionPreview.None(VersionPreview.Reason.VERSION_HAS_NO_PREVIEW, null),
                VersionPreview.of(api.client, noPreview, null));
        assertEquals(List.of(), api.requests());
    }

    @Test
    void anAccountWithoutSubdomainHasNoPreviewHost() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(ok("{\"subdomain\":{\"enabled\":false,\"previews_enabled\":true}}")));
        assertEquals(
                new VersionPreview.None(VersionPreview.Reason.NO_WORKERS_DEV_SUBDOMAIN, null),
                VersionPreview.of(api.client, UPLOADED, null));
    }

    @Test
    void aFailedLookupDoesNotUndoTheUpload() {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(error(403, 10000, "Authentication error")));
        VersionPreview preview = VersionPreview.of(api.client, UPLOADED, null);
        assertEquals(VersionPreview.Reason.LOOKUP_FAILED, ((VersionPreview.None) preview).reason());
        assertTrue(
                ((VersionPreview.None) preview).detail().contains("10000: Authentication error"), preview.toString());
    }
}
