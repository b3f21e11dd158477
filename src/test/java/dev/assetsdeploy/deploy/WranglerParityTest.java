package dev.assetsdeploy.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.MultipartBody;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.fixtures.Configs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our Worker upload, byte for byte against what wrangler 4.164 sent for the same project
 * (recorded by {@code src/test/record/worker-upload/record.sh}; the boundary is wrangler's).
 */
class WranglerParityTest {

    static final Path RECORDED = Path.of("src/test/resources/dev/assetsdeploy/deploy/wrangler");
    static final Path PROJECT = Path.of("src/test/resources/dev/assetsdeploy/deploy/wrangler-project");
    static final AssetsSource TOKEN = AssetsSource.token("COMPLETION.JWT.TOKEN");

    static DeployConfig assetsOnly() {
        return Configs.assetsWorker(
                null,
                "site",
                null,
                null,
                "2025-01-01",
                List.of(),
                PROJECT.resolve("public"),
                new AssetsSettings(null, HtmlHandling.DROP_TRAILING_SLASH, NotFoundHandling.NOT_FOUND_PAGE, null));
    }

    static DeployConfig withCode() {
        return Configs.assetsWorker(
                null,
                "site",
                PROJECT.resolve("dist/worker.js"),
                null,
                "2025-01-01",
                List.of("nodejs_compat"),
                PROJECT.resolve("public"),
                new AssetsSettings(
                        "ASSETS",
                        null,
                        NotFoundHandling.SINGLE_PAGE_APPLICATION,
                        RunWorkerFirst.of(List.of("/api/*", "!/api/docs"))));
    }

    void assertSameAsWrangler(String recording, DeployConfig config, boolean versionOnly, String message)
            throws IOException {
        assertSameAsWrangler(recording, config, new DeployTarget("site", null, versionOnly), message);
    }

    void assertSameAsWrangler(String recording, DeployConfig config, DeployTarget target, String message)
            throws IOException {
        List<String> request = Files.readAllLines(RECORDED.resolve(recording + ".request"));
        byte[] expected = Files.readAllBytes(RECORDED.resolve(recording + ".body"));
        String boundary = request.get(1).substring(request.get(1).indexOf("boundary=") + "boundary=".length());
        List<Path> extra = config.hasWorkerCode() ? List.of(PROJECT.resolve("dist/lib/x.mjs")) : List.of();

        WorkerUpload upload = PreparedWorker.prepare(config, target, extra, VersionAnnotations.message(message))
                .dryRun(TOKEN);
        MultipartBody body = WorkerDeployer.form(upload, boundary);
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        body.writeTo(actual);

        assertEquals(
                request.get(0),
                upload.method() + " /client/v4"
                        + upload.path(ApiPaths.forAccount("acc1")).text());
        assertEquals(request.get(1), body.contentType());
        assertEquals(new String(expected, StandardCharsets.UTF_8), actual.toString(StandardCharsets.UTF_8));
        assertArrayEquals(expected, actual.toByteArray());
        assertEquals(expected.length, body.length());
    }

    @Test
    void assetsOnlyDeployWithAMessage() throws IOException {
        assertSameAsWrangler("assets-only-put", assetsOnly(), false, "hello");
    }

    @Test
    void workerWithCodeAModuleAndABinding() throws IOException {
        assertSameAsWrangler("code-put", withCode(), false, null);
    }

    @Test
    void dispatchNamespaceDeploy() throws IOException {
        assertSameAsWrangler("dispatch-namespace-put", withCode(), new DeployTarget("site", "customers", false), null);
    }

    @Test
    void versionUploadWithAMessage() throws IOException {
        assertSameAsWrangler("code-version", withCode(), true, "v1");
    }

    @Test
    void versionUploadWithoutAMessageStillSendsAnnotations() throws IOException {
        assertSameAsWrangler("code-version-no-message", withCode(), true, null);
    }
}
