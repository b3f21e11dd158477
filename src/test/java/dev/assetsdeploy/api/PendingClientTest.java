package dev.assetsdeploy.api;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.assetsdeploy.AssetsDeployException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PendingClientTest {

    WireMockServer wm;
    ApiSettings settings;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(get("/client/v4/accounts/acc1/workers/subdomain")
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[]}")));
        settings = ApiSettings.of(wm.baseUrl() + "/client/v4", "acc1", new Credentials.ApiToken("t0ken"), "9.9.9")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private static ApiRequest readSubdomain(ApiClient client) {
        return ApiRequest.get("read the account subdomain", client.paths().accountSubdomain());
    }

    @Test
    void theSettingsErrorIsThrownWhereTheClientIsTakenNotWhereItStarts() {
        AssetsDeployException missing = AssetsDeployException.invalidInput("no account id");
        PendingClient pending = PendingClient.start(
                () -> {
                    throw missing;
                },
                ApiClient::new);
        assertSame(missing, assertThrows(AssetsDeployException.class, pending::settings));
        assertSame(missing, assertThrows(AssetsDeployException.class, pending::take));
        pending.close(); // nothing was built: nothing to close, nothing thrown
    }

    @Test
    void aTakenClientIsTheCallersAndWorksAfterThePendingOneCloses() {
        ApiClient client;
        try (PendingClient pending = PendingClient.start(() -> settings, ApiClient::new)) {
            assertSame(settings, pending.settings());
            client = pending.take();
        }
        try (client) {
            assertEquals(200, client.call(readSubdomain(client)).status());
        }
    }

    @Test
    void anUntakenClientIsClosedWithThePendingOne() {
        AtomicReference<ApiClient> built = new AtomicReference<>();
        PendingClient pending = PendingClient.start(() -> settings, s -> {
            built.set(new ApiClient(s));
            return built.get();
        });
        assertSame(settings, pending.settings());
        pending.close();
        // Closed (its watchdog and connection pool shut down): a request cannot even start.
        assertThrows(RuntimeException.class, () -> built.get().execute(readSubdomain(built.get())));
        assertEquals(0, wm.getAllServeEvents().size());
    }
}
