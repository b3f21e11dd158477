package dev.assetsdeploy.live;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A WireMock server on 127.0.0.1 and an {@link ApiClient} for account {@code acc1} on it, retrying without waits (the
 * live and versions tests share it).
 */
public final class WireMockApi implements AutoCloseable {

    public static final String BASE = "/client/v4";

    public final WireMockServer server =
            new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    public final ApiClient client;

    public WireMockApi() {
        server.start();
        client = new ApiClient(
                ApiSettings.of(server.baseUrl() + BASE, "acc1", new Credentials.ApiToken("test-token"), "9.9.9")
                        .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(3).withSleeper(d -> {}))
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    public static ResponseDefinitionBuilder ok(String resultJson) {
        return json(200, "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + resultJson + "}");
    }

    public static ResponseDefinitionBuilder error(int status, int code, String message) {
        return json(
                status,
                "{\"success\":false,\"errors\":[{\"code\":" + code + ",\"message\":\"" + message
                        + "\"}],\"messages\":[],\"result\":null}");
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    /** Every request received, in order: {@code METHOD /path?query body}, the base path left out. */
    public List<String> requests() {
        return server.findAll(anyRequestedFor(anyUrl())).stream()
                .map(WireMockApi::line)
                .toList();
    }

    private static String line(LoggedRequest r) {
        String body = new String(r.getBody(), StandardCharsets.UTF_8);
        return r.getMethod().value() + " " + r.getUrl().substring(BASE.length()) + (body.isEmpty() ? "" : " " + body);
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }
}
