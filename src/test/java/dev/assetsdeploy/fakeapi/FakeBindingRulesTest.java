package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.MultipartBody;
import dev.assetsdeploy.api.RetryPolicy;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake API refuses the Worker uploads the real one would: a binding it does not know, or one that lacks a field. */
class FakeBindingRulesTest {

    FakeCloudflareApi api;
    ApiClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new ApiClient(ApiSettings.of(
                        api.baseUrl(), api.settings.accountId, new Credentials.ApiToken(api.settings.apiToken), "t")
                .withRetry(RetryPolicy.NONE));
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    void upload(String bindings) {
        MultipartBody form = MultipartBody.builder()
                .field(
                        "metadata",
                        "{\"main_module\":\"worker.js\",\"bindings\":" + bindings
                                + ",\"compatibility_date\":\"2025-01-01\"}")
                .part(
                        "worker.js",
                        "worker.js",
                        "application/javascript+module",
                        MultipartBody.Content.ofString("export default {}"))
                .build();
        client.call(ApiRequest.put(
                        "deploy Worker",
                        "/accounts/" + api.settings.accountId
                                + "/workers/scripts/w?excludeScript=true&bindings_inherit=strict")
                .multipart(form));
    }

    @Test
    void anUnknownBindingTypeIsRefused() {
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "deploy Worker: HTTP 400: 10021: binding 'X' has an unknown type 'kv'",
                () -> upload("[{\"name\":\"X\",\"type\":\"kv\",\"namespace_id\":\"k\"}]"));
        assertEquals(
                List.of("PUT /accounts/" + api.settings.accountId + "/workers/scripts/w: binding 'X' has an"
                        + " unknown type 'kv' [code: 10021]"),
                api.problems());
        assertEquals(false, api.workers().exists("w"));
    }

    @Test
    void aBindingWithoutItsResourceIsRefused() {
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "deploy Worker: HTTP 400: 10021: binding 'KV' (kv_namespace) is missing the required field"
                        + " 'namespace_id'",
                () -> upload("[{\"name\":\"KV\",\"type\":\"kv_namespace\"}]"));
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "deploy Worker: HTTP 400: 10021: binding 'DB' (d1) has an empty 'id'",
                () -> upload("[{\"name\":\"DB\",\"type\":\"d1\",\"id\":\"\"}]"));
    }

    @Test
    void aKnownCompleteBindingIsAccepted() {
        upload("[{\"type\":\"queue\",\"name\":\"Q\",\"queue_name\":\"jobs\"}]");
        assertEquals(List.of(), api.problems());
    }
}
