package dev.assetsdeploy.upload;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.fakeapi.MultipartReader;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exact bytes on the wire, checked against WireMock. */
class UploadWireFormatTest {

    static final String TOKEN = "wire-api-token-0123456789";
    static final String ACCOUNT = "acc123";
    static final String SESSION_PATH = "/client/v4/accounts/acc123/workers/scripts/my-site/assets-upload-session";
    static final String UPLOAD_PATH = "/client/v4/accounts/acc123/workers/assets/upload";

    @TempDir
    Path dir;

    WireMockServer wm;
    ApiClient client;
    Manifest manifest;
    String uploadJwt;

    @BeforeEach
    void start() throws Exception {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        client = new ApiClient(
                ApiSettings.of(wm.baseUrl() + "/client/v4", ACCOUNT, new Credentials.ApiToken(TOKEN), "1.2.3")
                        .withRetry(RetryPolicy.DEFAULT.withSleeper(d -> {})));
        Files.writeString(dir.resolve("index.html"), "<h1>hi</h1>");
        Files.write(dir.resolve("blob.unknownext"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.writeString(dir.resolve("style.css"), "body{}");
        manifest = new ManifestBuilder().build(dir);
        uploadJwt = jwt("{\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}");
    }

    @AfterEach
    void stop() {
        client.close();
        wm.stop();
    }

    static String jwt(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    String hash(String path) {
        return manifest.entry(path).orElseThrow().hash();
    }

    void session(String buckets) {
        wm.stubFor(post(SESSION_PATH)
                .willReturn(okJson("{\"success\":true,\"errors\":null,\"messages\":null," + "\"result\":{\"jwt\":\""
                        + uploadJwt + "\",\"buckets\":" + buckets + "}}")));
    }

    UploadResult upload() {
        UploadPolicy policy =
                UploadPolicy.defaults().withConcurrency(1).withRetry(RetryPolicy.DEFAULT.withSleeper(d -> {}));
        return new Uploader(client, policy, UploadListener.NONE).upload(manifest, new UploadTarget("my-site", null));
    }

    @Test
    void bucketsArePostedAsBase64MultipartWithTheUploadTokenOnly() throws Exception {
        session("[[\"" + hash("/index.html") + "\",\"" + hash("/blob.unknownext") + "\"],[\"" + hash("/style.css")
                + "\"]]");
        wm.stubFor(post(urlPathMatching(UPLOAD_PATH))
                .inScenario("u")
                .whenScenarioStateIs("Started")
                .willSetStateTo("one")
                .willReturn(aResponse()
                        .withStatus(202)
                        .withBody("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"jwt\":null}}")));
        wm.stubFor(
                post(urlPathMatching(UPLOAD_PATH))
                        .inScenario("u")
                        .whenScenarioStateIs("one")
                        .willReturn(
                                aResponse()
                                        .withStatus(201)
                                        .withBody(
                                                "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"jwt\":\"completion-jwt\"}}")));

        UploadResult result = upload();

        assertEquals("completion-jwt", result.token().jwt());
        LoggedRequest session =
                wm.findAll(postRequestedFor(urlPathMatching(SESSION_PATH))).get(0);
        assertEquals("Bearer " + TOKEN, session.getHeader("Authorization"));
        assertEquals("application/json", session.getHeader("Content-Type"));
        assertEquals("assets-deploy/1.2.3", session.getHeader("User-Agent"));

        List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH)));
        assertEquals(2, uploads.size());
        for (LoggedRequest r : uploads) {
            assertEquals("/client/v4/accounts/acc123/workers/assets/upload?base64=true", r.getUrl());
            assertEquals("Bearer " + uploadJwt, r.getHeader("Authorization"));
            assertFalse(r.getBodyAsString().contains(TOKEN));
            assertFalse(r.getAllHeaderKeys().stream().anyMatch(h -> h.equalsIgnoreCase("X-Auth-Key")));
            assertFalse(
                    r.getHeaders().all().stream()
                            .anyMatch(h -> h.values().stream().anyMatch(v -> v.contains(TOKEN))),
                    "the API token is never sent on upload calls");
            assertEquals("assets-deploy/1.2.3", r.getHeader("User-Agent"));
            assertEquals(String.valueOf(r.getBody().length), r.getHeader("Content-Length"));
        }
        Map<String, String[]> first = parts(uploads.get(0));
        assertEquals(List.of(hash("/index.html"), hash("/blob.unknownext")), List.copyOf(first.keySet()));
        assertEquals(hash("/index.html"), first.get(hash("/index.html"))[0], "filename = hash");
        assertEquals("text/html; charset=utf-8", first.get(hash("/index.html"))[1]);
        assertEquals(
                Base64.getEncoder().encodeToString("<h1>hi</h1>".getBytes(StandardCharsets.UTF_8)),
                first.get(hash("/index.html"))[2]);
        assertEquals("application/null", first.get(hash("/blob.unknownext"))[1]);
        assertEquals("AAEC/w==", first.get(hash("/blob.unknownext"))[2]);
        Map<String, String[]> second = parts(uploads.get(1));
        assertEquals("text/css; charset=utf-8", second.get(hash("/style.css"))[1]);
        assertEquals("Ym9keXt9", second.get(hash("/style.css"))[2]);
    }

    /** hash → {filename, content type, body}, in order. */
    static Map<String, String[]> parts(LoggedRequest r) throws Exception {
        MultipartReader reader = new MultipartReader(
                new ByteArrayInputStream(r.getBody()), MultipartReader.boundary(r.getHeader("Content-Type")));
        Map<String, String[]> out = new LinkedHashMap<>();
        for (MultipartReader.Part p = reader.next(); p != null; p = reader.next()) {
            out.put(p.name(), new String[] {
                p.filename(), p.contentType(), new String(p.body().readAllBytes(), StandardCharsets.US_ASCII)
            });
        }
        return out;
    }

    @Test
    void singleFileModeSendsRawBytesPerFile() {
        uploadJwt = jwt("{\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond()
                + ",\"wrangler_single_asset_uploads\":true,\"edge_kv_upload_concurrency\":\"7\"}");
        session("[[\"" + hash("/index.html") + "\",\"" + hash("/blob.unknownext") + "\"]]");
        wm.stubFor(post(urlPathMatching(UPLOAD_PATH + "/.*"))
                .willReturn(
                        aResponse().withStatus(201).withBody("{\"success\":true,\"result\":{\"jwt\":\"done-jwt\"}}")));
        assertEquals("done-jwt", upload().token().jwt());
        LoggedRequest html = wm.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH + "/" + hash("/index.html"))))
                .get(0);
        assertEquals("<h1>hi</h1>", html.getBodyAsString());
        // Jetty (inside WireMock) upper-cases the charset of a Content-Type header; UploaderTest checks the exact
        // bytes.
        assertTrue(
                "text/html; charset=utf-8".equalsIgnoreCase(html.getHeader("Content-Type")),
                html.getHeader("Content-Type"));
        assertEquals("Bearer " + uploadJwt, html.getHeader("Authorization"));
        assertEquals(UPLOAD_PATH + "/" + hash("/index.html"), html.getUrl(), "no query: raw bytes, not Base64");
        LoggedRequest blob = wm.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH + "/" + hash("/blob.unknownext"))))
                .get(0);
        assertEquals("application/null", blob.getHeader("Content-Type"));
        assertEquals(4, blob.getBody().length);
        assertEquals(7, UploadJwt.parse(uploadJwt).singleFileConcurrency());
    }

    @Test
    void emptyBucketsMeanTheTokenIsTheCompletionToken() {
        session("[[],[]]");
        UploadResult result = upload();
        assertEquals(uploadJwt, result.token().jwt());
        assertEquals(
                List.of(0, 0, 0),
                List.of(result.filesUploaded(), result.buckets(), result.renewals()),
                "nothing to upload");
        assertEquals(3, result.filesAlreadyUploaded());
        assertEquals(
                0,
                wm.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH + ".*")))
                        .size());
    }

    @Test
    void emptyBucketsWithoutATokenIsAnError() {
        wm.stubFor(
                post(SESSION_PATH).willReturn(okJson("{\"success\":true,\"result\":{\"jwt\":null,\"buckets\":[]}}")));
        assertFails(
                Kind.API_REFUSED, "upload session: the API sent neither buckets nor a completion token", this::upload);
    }

    @Test
    void aHashNotInTheManifestIsAClearErrorBeforeAnyUpload() {
        session("[[\"" + hash("/index.html") + "\",\"ffffffffffffffffffffffffffffffff\"]]");
        wm.stubFor(post(SESSION_PATH)
                .willReturn(okJson("{\"success\":true,\"result\":{\"jwt\":\"" + uploadJwt
                                + "\",\"buckets\":[[\"ffffffffffffffffffffffffffffffff\"]]}}")
                        .withHeader("cf-ray", "ray9")));
        assertFails(
                Kind.API_REFUSED,
                "upload session: the API asked for a file with hash ffffffffffffffffffffffffffffffff,"
                        + " which is not in the manifest of " + manifest.root()
                        + " (3 files); nothing was uploaded (cf-ray ray9)",
                this::upload);
        assertEquals(
                0,
                wm.findAll(postRequestedFor(urlPathMatching(UPLOAD_PATH + ".*")))
                        .size());
    }

    @Test
    void noCompletionTokenAfterTheLastBucketIsAnError() {
        session("[[\"" + hash("/index.html") + "\"]]");
        wm.stubFor(post(urlPathMatching(UPLOAD_PATH))
                .willReturn(aResponse().withStatus(202).withBody("{\"success\":true,\"result\":{\"jwt\":null}}")));
        assertFails(
                Kind.API_REFUSED,
                "upload: the API accepted all 1 buckets but sent no completion token; run again",
                this::upload);
    }

    @Test
    void dispatchNamespaceSessionPath() {
        wm.stubFor(
                post("/client/v4/accounts/acc123/workers/dispatch/namespaces/ns1/scripts/my-site/assets-upload-session")
                        .willReturn(okJson(
                                "{\"success\":true,\"result\":{\"jwt\":\"" + uploadJwt + "\",\"buckets\":[]}}")));
        UploadResult r = new Uploader(client, UploadPolicy.defaults(), UploadListener.NONE)
                .upload(manifest, new UploadTarget("my-site", "ns1"));
        assertEquals(uploadJwt, r.token().jwt());
    }

    @Test
    void jwtPayloadDecoding() {
        UploadJwt parsed = UploadJwt.parse(jwt("{\"exp\":1700000000.5}"));
        assertEquals(Instant.ofEpochMilli(1_700_000_000_500L), parsed.expiresAt());
        assertFalse(parsed.singleFileUploads());
        assertEquals(50, parsed.singleFileConcurrency());
        UploadJwt opaque = UploadJwt.parse("not-a-jwt");
        assertNull(opaque.expiresAt());
        assertFalse(opaque.toString().contains("not-a-jwt"));
        assertEquals(Duration.ZERO, Duration.ZERO);
    }
}
