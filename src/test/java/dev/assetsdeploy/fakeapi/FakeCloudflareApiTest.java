package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.MultipartBody;
import dev.assetsdeploy.api.RawPaths;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Worker endpoints (used by deploy tests) and its multipart reader. */
class FakeCloudflareApiTest {

    FakeCloudflareApi api;
    ApiClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new ApiClient(ApiSettings.of(
                api.baseUrl(), api.settings.accountId, new Credentials.ApiToken(api.settings.apiToken), "t"));
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    String completionToken() {
        JsonObject manifest = new JsonObject();
        JsonObject body = new JsonObject();
        body.add("manifest", manifest);
        return client.call(ApiRequest.post("upload session", account("/workers/scripts/w/assets-upload-session"))
                        .json(body))
                .result()
                .getAsJsonObject()
                .get("jwt")
                .getAsString();
    }

    /** A path of the fake's account. */
    ApiPath account(String rest) {
        return RawPaths.of("/accounts/" + api.settings.accountId + rest);
    }

    MultipartBody metadata(String json) {
        return MultipartBody.builder()
                .field("metadata", json)
                .part(
                        "worker.js",
                        "worker.js",
                        "application/javascript+module",
                        MultipartBody.Content.ofString("export default {}"))
                .build();
    }

    @Test
    void recordsWorkerUploadsVersionsAndDeployments() {
        String jwt = completionToken();
        assertTrue(api.isValidCompletionToken(jwt), "an empty manifest completes at once");
        JsonElement put = client.call(ApiRequest.put(
                                "deploy Worker",
                                account("/workers/scripts/w?excludeScript=true&bindings_inherit=strict"))
                        .multipart(metadata(
                                "{\"main_module\":\"worker.js\",\"assets\":{\"jwt\":\"" + jwt + "\",\"config\":{}}}")))
                .result();
        assertEquals("w", put.getAsJsonObject().get("id").getAsString());
        api.workers().dispatchNamespace("ns");
        client.call(ApiRequest.put("deploy Worker", account("/workers/dispatch/namespaces/ns/scripts/w"))
                .multipart(metadata("{\"keep_assets\":true}")));
        String version = client.call(ApiRequest.post("upload version", account("/workers/scripts/w/versions"))
                        .multipart(metadata("{\"main_module\":\"worker.js\"}")))
                .result()
                .getAsJsonObject()
                .get("id")
                .getAsString();
        JsonObject deployment = JsonParser.parseString("{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\""
                        + version + "\",\"percentage\":100}]}")
                .getAsJsonObject();
        client.call(ApiRequest.post("deploy version", account("/workers/scripts/w/deployments"))
                .json(deployment));

        List<RecordedRequest> requests = api.workerRequests();
        assertEquals(
                List.of("PUT", "PUT", "POST", "POST"),
                requests.stream().map(RecordedRequest::method).toList());
        assertEquals(
                "/accounts/" + api.settings.accountId + "/workers/scripts/w",
                requests.get(0).path());
        assertEquals(
                "excludeScript=true&bindings_inherit=strict", requests.get(0).query());
        assertEquals(
                "/accounts/" + api.settings.accountId + "/workers/dispatch/namespaces/ns/scripts/w",
                requests.get(1).path());
        assertTrue(requests.get(0).header("Content-Type").startsWith("multipart/form-data; boundary="));
        assertTrue(requests.get(0).bodyText().contains("name=\"worker.js\"; filename=\"worker.js\""));
        assertEquals(deployment, JsonParser.parseString(requests.get(3).bodyText()));
        assertEquals(List.of(), api.problems());
    }

    @Test
    void refusesAWorkerUploadWithAnUnknownAssetsToken() {
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "deploy Worker: HTTP 400: 10021: metadata.assets.jwt is not a live completion token",
                () -> client.call(ApiRequest.put("deploy Worker", account("/workers/scripts/w"))
                        .multipart(metadata("{\"assets\":{\"jwt\":\"made-up\"}}"))));
    }

    @Test
    void refusesAnotherAccountsCredentials() {
        try (ApiClient other = new ApiClient(
                ApiSettings.of(api.baseUrl(), api.settings.accountId, new Credentials.ApiToken("nope-nope"), "t"))) {
            assertFailsContaining(
                    ApiException.class,
                    Kind.AUTHENTICATION,
                    () -> other.call(ApiRequest.put("deploy Worker", account("/workers/scripts/w"))
                            .multipart(metadata("{}"))),
                    "deploy Worker: HTTP 400: 10000: Authentication error");
        }
        assertEquals(List.of(), api.workerRequests());
    }

    @Test
    void multipartReaderFindsBoundariesSplitAcrossReadsAndKeepsLookalikes() throws Exception {
        String body =
                "--XYZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nline\r\n--XY not a boundary\r\n--XYZ\r\n"
                        + "Content-Disposition: form-data; name=\"b\"; filename=\"b\"\r\nContent-Type: text/plain\r\n\r\n\r\n--XYZ--\r\n";
        // One byte per read: every boundary straddles reads.
        java.io.InputStream trickle =
                new java.io.FilterInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))) {
                    @Override
                    public int read(byte[] b, int off, int len) throws java.io.IOException {
                        return super.read(b, off, Math.min(1, len));
                    }
                };
        MultipartReader reader = new MultipartReader(trickle, "XYZ");
        MultipartReader.Part a = reader.next();
        assertEquals("a", a.name());
        assertEquals("line\r\n--XY not a boundary", new String(a.body().readAllBytes(), StandardCharsets.UTF_8));
        MultipartReader.Part b = reader.next();
        assertEquals("b", b.filename());
        assertEquals("text/plain", b.contentType());
        assertEquals("", new String(b.body().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(null, reader.next());
        MultipartReader truncated = new MultipartReader(
                new ByteArrayInputStream(body.substring(0, 60).getBytes(StandardCharsets.UTF_8)), "XYZ");
        MultipartReader.Part first = truncated.next();
        assertThrows(java.io.IOException.class, () -> first.body().readAllBytes());
    }
}
