package dev.assetsdeploy.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.fixtures.Configs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact bytes of each kind of Worker upload, as the API receives them. */
class WorkerDeployerTest {

    static final String BOUNDARY = "----assets-deploy-test";
    static final String PUT_ANSWER = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"site\","
            + "\"etag\":\"e7a9\",\"deployment_id\":\"0123456789abcdef0123456789abcdef\",\"startup_time_ms\":3}}";

    @TempDir
    Path dir;

    WireMockServer wm;
    ApiClient api;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        api = new ApiClient(
                ApiSettings.of(wm.baseUrl() + "/client/v4", "acc1", new Credentials.ApiToken("api-token-xyz"), "1.0")
                        .withRetry(RetryPolicy.NONE));
    }

    @AfterEach
    void stop() {
        api.close();
        wm.stop();
    }

    DeployConfig config(Path main, AssetsSettings assets) {
        return Configs.assetsWorker(null, "site", main, null, "2025-01-01", List.of(), dir.resolve("public"), assets);
    }

    /** The upload alone, as planned for a new Worker (or a version, or a namespace): one request. */
    DeployResult deploy(PreparedWorker worker, AssetsSource assets, String answer) {
        wm.stubFor(any(anyUrl()).willReturn(okJson(answer)));
        return new WorkerDeployer(api, BOUNDARY).deploy(worker, assets, preflight(worker), message -> {
            throw new AssertionError(message);
        });
    }

    static Preflight preflight(PreparedWorker worker) {
        DeployTarget target = worker.target();
        DeployPlan plan = target.versionOnly()
                ? new DeployPlan.UploadVersion()
                : new DeployPlan.PutScript(
                        target.dispatchNamespace() == null
                                ? DeployPlan.Why.NEW_WORKER
                                : DeployPlan.Why.DISPATCH_NAMESPACE,
                        null);
        LiveWorker live = new LiveWorker(target.versionOnly(), List.of(), null, Set.of(), List.of(), List.of());
        return new Preflight(live, plan, Set.of());
    }

    /** An assets-only Worker "site", deployed or only a version. */
    PreparedWorker assetsOnly(boolean versionOnly) {
        return PreparedWorker.prepare(
                config(null, AssetsSettings.NONE),
                new DeployTarget("site", null, versionOnly),
                List.of(),
                VersionAnnotations.NONE);
    }

    LoggedRequest onlyRequest() {
        List<LoggedRequest> requests =
                wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
        assertEquals(1, requests.size());
        return requests.get(0);
    }

    static String field(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static byte[] file(String name, String type, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                        + name + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static byte[] concat(Object... pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object piece : pieces) {
            out.writeBytes(piece instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) piece);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    static void assertBody(byte[] expected, LoggedRequest request) {
        assertEquals(
                new String(expected, StandardCharsets.UTF_8), new String(request.getBody(), StandardCharsets.UTF_8));
        assertArrayEquals(expected, request.getBody());
        assertEquals("multipart/form-data; boundary=" + BOUNDARY, request.getHeader("Content-Type"));
        assertEquals(Integer.toString(expected.length), request.getHeader("Content-Length"));
    }

    @Test
    void assetsOnlyWorkerIsOneMetadataPartPutToTheScript() throws IOException {
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("public/_redirects"), "/old /new 301\n");
        PreparedWorker worker = PreparedWorker.prepare(
                config(null, new AssetsSettings(null, HtmlHandling.NONE, NotFoundHandling.NOT_FOUND_PAGE, null)),
                new DeployTarget("site", null, false),
                List.of(),
                VersionAnnotations.NONE);
        AssetsSource assets = AssetsSource.token("COMPLETION.JWT");

        DeployResult result = deploy(worker, assets, PUT_ANSWER);

        LoggedRequest request = onlyRequest();
        assertEquals("PUT", request.getMethod().value());
        assertEquals(
                "/client/v4/accounts/acc1/workers/scripts/site?excludeScript=true&bindings_inherit=strict",
                request.getUrl());
        assertEquals("Bearer api-token-xyz", request.getHeader("Authorization"));
        assertBody(
                concat(field(
                        "metadata",
                        "{\"assets\":{\"jwt\":\"COMPLETION.JWT\",\"config\":{\"html_handling\":\"none\","
                                + "\"not_found_handling\":\"404-page\",\"_redirects\":\"/old /new 301\\n\"}},"
                                + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}")),
                request);
        assertEquals("01234567-89ab-cdef-0123-456789abcdef", result.versionId());
        assertEquals("e7a9", result.etag());
        assertEquals(3L, result.startupTimeMs());
    }

    @Test
    void workerWithCodeExtraModulesAndBinding() throws IOException {
        Path main = Files.writeString(
                Files.createDirectories(dir.resolve("dist")).resolve("index.js"),
                "import u from './lib/util.mjs';\nexport default { fetch() { return new Response(u); } };\n");
        Path util = Files.writeString(
                Files.createDirectories(dir.resolve("dist/lib")).resolve("util.mjs"), "export default 'ü';\n");
        byte[] wasmBytes = {0, 'a', 's', 'm', 1, 0, 0, 0, (byte) 0xff};
        Path wasm = Files.write(dir.resolve("dist/add.wasm"), wasmBytes);
        Path text = Files.writeString(dir.resolve("dist/page.html"), "<p>hi</p>");
        PreparedWorker worker = PreparedWorker.prepare(
                config(main, new AssetsSettings("ASSETS", null, null, null)),
                new DeployTarget("site", null, false),
                List.of(util, wasm, text),
                VersionAnnotations.message("ship it"));
        AssetsSource assets = AssetsSource.token("J");

        deploy(worker, assets, PUT_ANSWER);

        assertBody(
                concat(
                        field(
                                "metadata",
                                "{\"main_module\":\"index.js\",\"bindings\":[{\"name\":\"ASSETS\",\"type\":\"assets\"}],"
                                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300},\"keep_bindings\":[\"secret_text\",\"secret_key\"],"
                                        + "\"annotations\":{\"workers/message\":\"ship it\"},\"assets\":{\"jwt\":\"J\",\"config\":{}}}"),
                        file("index.js", "application/javascript+module", Files.readAllBytes(main)),
                        file(
                                "lib/util.mjs",
                                "application/javascript+module",
                                "export default 'ü';\n".getBytes(StandardCharsets.UTF_8)),
                        file("add.wasm", "application/wasm", wasmBytes),
                        file("page.html", "text/plain", "<p>hi</p>".getBytes(StandardCharsets.UTF_8))),
                onlyRequest());
    }

    @Test
    void keepAssetsSendsNoTokenButTheConfig() throws IOException {
        Path main = Files.writeString(dir.resolve("index.js"), "export default {};");
        PreparedWorker worker = PreparedWorker.prepare(
                config(main, new AssetsSettings(null, HtmlHandling.FORCE_TRAILING_SLASH, null, null)),
                new DeployTarget("site", null, false),
                List.of(),
                VersionAnnotations.NONE);
        AssetsSource assets = AssetsSource.keepExisting();

        deploy(worker, assets, PUT_ANSWER);

        assertBody(
                concat(
                        field(
                                "metadata",
                                "{\"main_module\":\"index.js\",\"bindings\":[],"
                                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300},\"keep_bindings\":[\"secret_text\",\"secret_key\"],\"keep_assets\":true,"
                                        + "\"assets\":{\"config\":{\"html_handling\":\"force-trailing-slash\"}}}"),
                        file(
                                "index.js",
                                "application/javascript+module",
                                "export default {};".getBytes(StandardCharsets.UTF_8))),
                onlyRequest());
    }

    @Test
    void versionOnlyPostsToVersionsAndReturnsTheVersionId() {
        PreparedWorker worker = PreparedWorker.prepare(
                config(null, AssetsSettings.NONE),
                new DeployTarget("site", null, true),
                List.of(),
                VersionAnnotations.message("preview"));
        AssetsSource assets = AssetsSource.token("J");

        DeployResult result = deploy(
                worker,
                assets,
                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{"
                        + "\"id\":\"7a1b2c3d-0000-4000-8000-000000000001\",\"resources\":{\"script\":{\"etag\":\"ab12\"}}}}");

        LoggedRequest request = onlyRequest();
        assertEquals("POST", request.getMethod().value());
        assertEquals(
                "/client/v4/accounts/acc1/workers/scripts/site/versions?bindings_inherit=strict", request.getUrl());
        assertBody(
                concat(field(
                        "metadata",
                        "{\"assets\":{\"jwt\":\"J\",\"config\":{}},"
                                + "\"annotations\":{\"workers/message\":\"preview\"},"
                                + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}")),
                request);
        assertEquals("7a1b2c3d-0000-4000-8000-000000000001", result.versionId());
        assertEquals("ab12", result.etag());
    }

    @Test
    void versionOnlyWithoutAnIdInTheAnswerFails() {
        PreparedWorker worker = assetsOnly(true);
        AssetsSource assets = AssetsSource.token("J");
        assertFails(
                Kind.API_REFUSED,
                "upload Worker version: the API reported success but gave no version id; check the"
                        + " Worker's versions in the dashboard",
                () -> deploy(worker, assets, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{}}"));
    }

    @Test
    void dispatchNamespaceUsesTheNamespacePath() {
        PreparedWorker worker = PreparedWorker.prepare(
                config(null, AssetsSettings.NONE),
                new DeployTarget("site", "customers", false),
                List.of(),
                VersionAnnotations.NONE);
        AssetsSource assets = AssetsSource.token("J");

        deploy(worker, assets, PUT_ANSWER);

        LoggedRequest request = onlyRequest();
        assertEquals("PUT", request.getMethod().value());
        assertEquals(
                "/client/v4/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site"
                        + "?excludeScript=true&bindings_inherit=strict",
                request.getUrl());
        assertBody(
                concat(field(
                        "metadata",
                        "{\"assets\":{\"jwt\":\"J\",\"config\":{}},"
                                + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}")),
                request);
        assertFails(
                Kind.INVALID_INPUT,
                "--version-only cannot be used with --dispatch-namespace: Workers for Platforms has"
                        + " no versions API; drop one of them",
                () -> new DeployTarget("site", "customers", true));
    }

    @Test
    void refusalIsAnApiErrorNamingTheStepAndNeverTheToken() {
        PreparedWorker worker = assetsOnly(false);
        AssetsSource assets = AssetsSource.token("SECRET.COMPLETION.TOKEN");
        wm.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"errors\":[{\"code\":10021,\"message\":\"bad assets config\"}],"
                                + "\"messages\":[],\"result\":null}")));
        AssetsDeployException e = assertFailsContaining(
                Kind.API_REFUSED,
                () -> new WorkerDeployer(api, BOUNDARY).deploy(worker, assets, preflight(worker), m -> {}),
                "10021: bad assets config");
        assertEquals(true, e.getMessage().startsWith("deploy Worker: "), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"));
    }

    @Test
    void whatTheAnswerSaysIsReportedWithoutOurSecrets() {
        DeployResult result = deploy(
                assetsOnly(false),
                AssetsSource.token("J"),
                "{\"success\":true,\"errors\":[],\"result\":{\"etag\":\"api-token-xyz\","
                        + "\"deployment_id\":\"v-api-token-xyz\"}}");
        assertEquals("***", result.etag());
        assertEquals("v-***", result.versionId());
    }
}
