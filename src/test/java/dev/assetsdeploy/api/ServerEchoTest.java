package dev.assetsdeploy.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import dev.assetsdeploy.upload.UploadListener;
import dev.assetsdeploy.upload.UploadPolicy;
import dev.assetsdeploy.upload.UploadTarget;
import dev.assetsdeploy.upload.Uploader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile or careless server that echoes our secrets back: no part of one reaches a message or the log. */
class ServerEchoTest {

    static final String TOKEN = "secret-api-token-1234567890";
    static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1cGxvYWQiLCJleHAiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLWJ5dGVz";

    WireMockServer wm;
    List<String> trace = new ArrayList<>();

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    ApiClient client(String token) {
        return new ApiClient(
                ApiSettings.of(wm.baseUrl(), "acc1", new Credentials.ApiToken(token), "1")
                        .withRetry(RetryPolicy.NONE),
                trace::add,
                RetryNotice.Listener.NONE);
    }

    ApiException failure(String token, ApiRequest request) {
        try (ApiClient client = client(token)) {
            return assertThrows(ApiException.class, () -> client.call(request));
        }
    }

    static ApiRequest request() {
        return ApiRequest.post("upload session", RawPaths.of("/x"));
    }

    void answer(int status, String body) {
        wm.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @Test
    void anErrorPageEchoingTheTokenAcrossTheCutShowsNoPartOfIt() {
        String before = "<html><body>Bad gateway. Request headers: Authorization: Bearer ";
        String page = before + "x".repeat(195 - before.length()) + TOKEN + "</body></html>";
        answer(502, page);
        String message = failure(TOKEN, request()).getMessage();
        assertTrue(message.contains("malformed response"), message);
        assertFalse(message.contains(TOKEN.substring(0, 5)), message);
    }

    @Test
    void aJwtAcrossTheCutShowsNoPartOfIt() {
        answer(500, "<p>" + "y".repeat(185) + " token " + JWT + "</p>");
        String message = failure(TOKEN, request()).getMessage();
        assertFalse(message.contains("eyJ"), message);
    }

    @Test
    void aShortTokenIsScrubbedToo() {
        answer(400, "{\"success\":false,\"errors\":[{\"code\":10001,\"message\":\"token q7Z is malformed\"}]}");
        String message = failure("q7Z", request()).getMessage();
        assertEquals("upload session: HTTP 400: 10001: token *** is malformed", message);
    }

    @Test
    void theRequestsOwnBearerTokenIsScrubbedEvenWhenItIsNoJwt() {
        answer(403, "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"opaque-upload-token-42 expired\"}]}");
        String message =
                failure(TOKEN, request().bearer("opaque-upload-token-42")).getMessage();
        assertFalse(message.contains("opaque-upload-token-42"), message);
    }

    @Test
    void aTokenInTheCfRayOfASuccessStaysOutOfTheVerboseLog() {
        wm.stubFor(post(anyUrl())
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("cf-ray", TOKEN)
                        .withBody("{\"success\":true,\"errors\":[],\"result\":1}")));
        try (ApiClient client = client(TOKEN)) {
            client.call(request());
        }
        assertEquals(1, trace.size());
        assertFalse(trace.get(0).contains(TOKEN), trace.get(0));
        assertTrue(trace.get(0).contains("(cf-ray ***)"), trace.get(0));
    }

    @Test
    void aTokenWithALineBreakIsScrubbedPieceByPiece() {
        assertEquals(
                "first *** then *** and *** whole",
                Secrets.scrub(
                        "first abc-123 then def-456 and abc-123\r\ndef-456 whole", List.of("abc-123\r\ndef-456")));
    }

    @Test
    void aSessionAskingForAHashThatIsOurTokenDoesNotPrintIt(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "hi");
        Manifest manifest = new ManifestBuilder().build(site);
        answer(
                200,
                "{\"success\":true,\"errors\":[],\"result\":{\"jwt\":\"" + JWT + "\",\"buckets\":[[\"" + TOKEN
                        + "\"]]}}");
        try (ApiClient client = client(TOKEN)) {
            Uploader uploader =
                    new Uploader(client, UploadPolicy.defaults().withRetry(RetryPolicy.NONE), UploadListener.NONE);
            AssetsDeployException e = assertFailsContaining(
                    Kind.API_REFUSED,
                    () -> uploader.upload(manifest, new UploadTarget("site", null)),
                    "the API asked for a file with hash ***");
            assertTrue(
                    e.getMessage().startsWith("upload session: the API asked for a file with hash ***"),
                    e.getMessage());
        }
    }
}
