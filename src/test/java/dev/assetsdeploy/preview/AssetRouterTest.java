package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the recordings cannot show: production ETags, and the explanation of each decision. One behaviour a test. */
class AssetRouterTest {

    @TempDir
    Path dir;

    private AssetRouter router(PreviewSettings settings) {
        Manifest manifest = new ManifestBuilder(100, 1).build(dir);
        return new AssetRouter(PreviewSite.load(manifest, settings));
    }

    private static PreviewSettings settings(AssetsSettings.HtmlHandling html, NotFoundHandling notFound) {
        return new PreviewSettings(html, notFound, "2025-06-01", List.of(), false, null);
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path.substring(1));
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static List<String> steps(PreviewResponse response) {
        return response.steps().stream().map(PreviewResponse.Step::toString).toList();
    }

    // ---- ETags ----

    private String styleHash() {
        return new ManifestBuilder(100, 1)
                .build(dir)
                .entry("/style.css")
                .orElseThrow()
                .hash();
    }

    @Test
    void anAssetsETagIsItsManifestHashInQuotes() throws IOException {
        write("/style.css", "body{}");
        PreviewResponse ok = router(settings(null, null)).resolve(PreviewRequest.get("/style.css"));
        assertEquals(200, ok.status());
        assertEquals("\"" + styleHash() + "\"", ok.headers().get("ETag"));
        assertEquals("text/css; charset=utf-8", ok.headers().get("Content-Type"));
        assertEquals("public, max-age=0, must-revalidate", ok.headers().get("Cache-Control"));
    }

    @Test
    void ifNoneMatchWithTheWeakETagIs304() throws IOException {
        write("/style.css", "body{}");
        PreviewResponse notModified = router(settings(null, null))
                .resolve(new PreviewRequest(
                        "GET", "/style.css", "h", Map.of("If-None-Match", "W/\"" + styleHash() + "\"")));
        assertEquals(304, notModified.status());
        assertEquals("/style.css", notModified.asset().path());
        assertEquals("If-None-Match", notModified.decidingStep().rule());
    }

    // ---- the explanation of each decision ----

    private AssetRouter siteWithRules() throws IOException {
        write("/about/index.html", "about");
        write("/404.html", "not found");
        write("/_redirects", "# rules\n/old /about/ 301\n/bad line here too 999\n");
        write("/_headers", "/about/*\n  X-About: yes\n  ! Cache-Control\n");
        return router(settings(AssetsSettings.HtmlHandling.AUTO_TRAILING_SLASH, NotFoundHandling.NOT_FOUND_PAGE));
    }

    @Test
    void aRedirectsRuleNamesItsLine() throws IOException {
        PreviewResponse redirect = siteWithRules().resolve(PreviewRequest.get("/old?x=1"));
        assertEquals(301, redirect.status());
        assertEquals("/about/?x=1", redirect.location());
        assertEquals(
                "_redirects: line 2 '/old /about/ 301' redirects to /about/?x=1",
                redirect.decidingStep().toString());
    }

    @Test
    void theCanonicalUrlRedirectNamesTheFileItServes() throws IOException {
        PreviewResponse canonical = siteWithRules().resolve(PreviewRequest.get("/about"));
        assertEquals(307, canonical.status());
        assertEquals("/about/", canonical.location());
        assertEquals("html_handling", canonical.decidingStep().rule());
        assertTrue(
                canonical.decidingStep().detail().contains("/about/index.html"),
                canonical.decidingStep().detail());
    }

    @Test
    void headersRulesSayWhatTheySetAndRemove() throws IOException {
        PreviewResponse page = siteWithRules().resolve(PreviewRequest.get("/about/"));
        assertEquals("about".length(), page.asset().size());
        assertEquals("yes", page.headers().get("X-About"));
        assertNull(page.headers().get("Cache-Control"));
        assertEquals(
                List.of(
                        "html_handling: auto-trailing-slash: folder index /about/index.html",
                        "_headers: line 1 '/about/*' removes Cache-Control, sets x-about"),
                steps(page));
    }

    @Test
    void theNearest404PageAnswersAMissingPath() throws IOException {
        PreviewResponse missing = siteWithRules().resolve(PreviewRequest.get("/nope/deeper"));
        assertEquals(404, missing.status());
        assertEquals("/404.html", missing.asset().path());
        assertEquals("not_found_handling", missing.decidingStep().rule());
    }

    // ---- requests the Worker would answer ----

    private AssetRouter spaWithWorker(String compatibilityDate, AssetsSettings.RunWorkerFirst runWorkerFirst)
            throws IOException {
        write("/index.html", "home");
        return router(new PreviewSettings(
                null, NotFoundHandling.SINGLE_PAGE_APPLICATION, compatibilityDate, List.of(), true, runWorkerFirst));
    }

    private static final PreviewRequest NAVIGATION =
            new PreviewRequest("GET", "/app/route", "h", Map.of("Sec-Fetch-Mode", "navigate"));

    @Test
    void aRunWorkerFirstRuleSendsItsPathsToTheWorker() throws IOException {
        PreviewResponse api = spaWithWorker(
                        "2025-03-31", AssetsSettings.RunWorkerFirst.of(List.of("/api/*", "!/api/public/*")))
                .resolve(PreviewRequest.get("/api/users"));
        assertTrue(api.toWorker());
        assertEquals(
                "run_worker_first: '/api/*' sends /api/users to the Worker",
                api.decidingStep().toString());
    }

    @Test
    void aNegativeRuleServesAssetsThenTheSpaFallback() throws IOException {
        PreviewResponse publicApi = spaWithWorker(
                        "2025-03-31", AssetsSettings.RunWorkerFirst.of(List.of("/api/*", "!/api/public/*")))
                .resolve(PreviewRequest.get("/api/public/x"));
        assertFalse(publicApi.toWorker(), "negative rule: assets, then the SPA fallback (static routing keeps it)");
        assertEquals(200, publicApi.status());
    }

    @Test
    void navigationsGoToTheWorkerBefore20250401() throws IOException {
        assertTrue(
                spaWithWorker("2025-03-31", null).resolve(NAVIGATION).toWorker(),
                "before 2025-04-01 navigations go to the Worker");
    }

    @Test
    void navigationsGetTheSpaIndexFrom20250401() throws IOException {
        assertEquals(
                200,
                spaWithWorker("2025-04-01", null).resolve(NAVIGATION).status(),
                "from 2025-04-01 they get the SPA index");
    }

    @Test
    void otherRequestsStillGoToTheWorkerFrom20250401() throws IOException {
        assertTrue(
                spaWithWorker("2025-04-01", null)
                        .resolve(PreviewRequest.get("/app/route"))
                        .toWorker(),
                "non-navigations still go to the Worker");
    }
}
