package dev.assetsdeploy.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiClientTest {

    static final String TOKEN = "secret-api-token-1234567890";
    static final String PATH = "/accounts/acc1/workers/scripts/site/assets-upload-session";

    WireMockServer wm;
    List<Duration> sleeps = new ArrayList<>();
    ApiClient client;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        client = new ApiClient(settings(new Credentials.ApiToken(TOKEN)));
    }

    @AfterEach
    void stop() {
        client.close();
        wm.stop();
    }

    /** Timeouts long enough that no answer of WireMock's (its first is slow) times out on a loaded machine. */
    ApiSettings settings(Credentials credentials) {
        return ApiSettings.of(wm.baseUrl() + "/client/v4", "acc1", credentials, "9.9.9")
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(3).withSleeper(sleeps::add))
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    void sendsJsonSignedWithTheTokenAndReturnsResult() {
        wm.stubFor(post("/client/v4" + PATH)
                .willReturn(okJson("{\"success\":true,\"errors\":null,\"messages\":null,\"result\":{\"jwt\":\"x\"}}")));
        JsonObject body = new JsonObject();
        body.addProperty("a", 1);
        JsonElement result = client.call(
                        ApiRequest.post("upload session", client.paths().uploadSession(null, "site"))
                                .json(body))
                .result();
        assertEquals("x", result.getAsJsonObject().get("jwt").getAsString());
        wm.verify(postRequestedFor(urlEqualTo("/client/v4" + PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("User-Agent", equalTo("assets-deploy/9.9.9"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"a\":1}")));
    }

    @Test
    void globalKeyUsesAuthKeyHeaders() {
        client.close();
        client = new ApiClient(settings(new Credentials.GlobalApiKey("key123456", "me@example.com")));
        wm.stubFor(post("/client/v4" + PATH).willReturn(okJson("{\"success\":true,\"result\":{}}")));
        client.call(ApiRequest.post("s", RawPaths.of(PATH)));
        wm.verify(postRequestedFor(urlEqualTo("/client/v4" + PATH))
                .withHeader("X-Auth-Key", equalTo("key123456"))
                .withHeader("X-Auth-Email", equalTo("me@example.com"))
                .withoutHeader("Authorization"));
    }

    @Test
    void aRequestCarriesItsOwnHeaders() {
        wm.stubFor(post("/client/v4/x").willReturn(okJson("{\"success\":true,\"result\":null}")));
        client.call(ApiRequest.post("s", RawPaths.of("/x"))
                .header("Cloudflare-Workers-Script-Api-Date", "2025-08-01")
                .json(new JsonObject()));
        wm.verify(postRequestedFor(urlEqualTo("/client/v4/x"))
                .withHeader("Cloudflare-Workers-Script-Api-Date", equalTo("2025-08-01"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void bearerReplacesTheAccountCredentials() {
        wm.stubFor(post("/client/v4/x").willReturn(okJson("{\"success\":true,\"result\":null}")));
        client.call(ApiRequest.post("s", RawPaths.of("/x")).bearer("upload-jwt"));
        wm.verify(
                postRequestedFor(urlEqualTo("/client/v4/x")).withHeader("Authorization", equalTo("Bearer upload-jwt")));
        assertFalse(
                wm.getAllServeEvents().get(0).getRequest().getAllHeaderKeys().contains("X-Auth-Key"));
    }

    @Test
    void errorNamesStepStatusCodesAndRay() {
        wm.stubFor(
                post("/client/v4" + PATH)
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("cf-ray", "8abc-LHR")
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10021,\"message\":\"bad manifest\"},{\"code\":10022,\"message\":\"too big\"}],\"messages\":[],\"result\":null}")));
        ApiException e = assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "upload session: HTTP 400 (cf-ray 8abc-LHR): 10021: bad manifest; 10022: too big",
                () -> client.call(ApiRequest.post("upload session", RawPaths.of(PATH))));
        assertEquals(
                List.of(10021, 10022),
                e.errors().stream().map(ApiException.ApiError::code).toList());
        assertEquals(1, wm.getAllServeEvents().size(), "4xx is not retried");
    }

    /** A server that answers errors of other shapes is still quoted, never an internal error. */
    @Test
    void errorsOfOtherShapesAreQuotedAsTheyAre() {
        wm.stubFor(post("/client/v4/x")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("{\"success\":false,\"errors\":[{\"code\":{\"a\":1},\"message\":{\"b\":[2]}},"
                                + "{\"code\":\"E1\",\"message\":[\"x\",\"y\"]},\"plain\",{}]}")));
        ApiException e = assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "upload session: HTTP 400: {\"a\":1}: {\"b\":[2]}; E1: [\"x\",\"y\"]; \"plain\"; ?: ",
                () -> client.call(ApiRequest.post("upload session", RawPaths.of("/x"))));
        assertEquals(List.of(), e.errors());
    }

    @Test
    void successFalseWithStatus200IsAFailure() {
        wm.stubFor(post("/client/v4" + PATH)
                .willReturn(okJson("{\"success\":false,\"errors\":[{\"code\":7003,\"message\":\"no route\"}]}")));
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "upload session: HTTP 200: 7003: no route",
                () -> client.call(ApiRequest.post("upload session", RawPaths.of(PATH))));
    }

    @Test
    void authenticationCodesAndStatusesMapToAuthentication() {
        wm.stubFor(
                post("/client/v4/a")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}]}")));
        wm.stubFor(
                post("/client/v4/b")
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":9106,\"message\":\"Missing X-Auth-Key\"}]}")));
        wm.stubFor(post("/client/v4/c")
                .willReturn(aResponse().withStatus(403).withBody("{\"success\":false,\"errors\":null}")));
        wm.stubFor(post("/client/v4/d").willReturn(aResponse().withStatus(401).withBody("<html>no</html>")));
        for (String p : List.of("/a", "/b", "/c")) {
            ApiException e = assertFailsContaining(
                    ApiException.class,
                    Kind.AUTHENTICATION,
                    () -> client.call(ApiRequest.post("deploy Worker", RawPaths.of(p))),
                    " (check the API credentials, and that they may edit Workers on account acc1)");
            assertTrue(e.getMessage().startsWith("deploy Worker: HTTP "), e.getMessage());
        }
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "deploy Worker: HTTP 401: malformed response (not a JSON envelope): \"<html>no</html>\"",
                () -> client.call(ApiRequest.post("deploy Worker", RawPaths.of("/d"))));
    }

    /** The TLS setup is built lazily for http:// clients; an https:// one speaks TLS and checks the certificate. */
    @Test
    void anHttpsBaseUrlIsSpokenToOverTlsAndAnUntrustedCertificateIsATlsError() {
        WireMockServer tls =
                new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        tls.start();
        String base = "https://127.0.0.1:" + tls.httpsPort() + "/client/v4";
        try (ApiClient https = new ApiClient(ApiSettings.of(base, "acc1", new Credentials.ApiToken(TOKEN), "9.9.9")
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10)))) {
            // WireMock's certificate is its own, self-signed: the JVM's trust store does not know it.
            assertFailsContaining(
                    Kind.NETWORK,
                    () -> https.execute(ApiRequest.get(
                            "read the account subdomain", https.paths().accountSubdomain())),
                    "read the account subdomain: TLS error with 127.0.0.1: ",
                    "see the README on a corporate CA");
            assertEquals(0, tls.getAllServeEvents().size());
        } finally {
            tls.stop();
        }
    }

    @Test
    void nonJsonBodyIsReportedWithStatusAndFirstBytes() {
        wm.stubFor(post("/client/v4/x")
                .willReturn(aResponse().withStatus(400).withBody("<html>\n<body>Bad gateway of doom</body></html>")));
        assertFails(
                ApiException.class,
                Kind.API_REFUSED,
                "upload session: HTTP 400: malformed response (not a JSON envelope): \"<html> <body>Bad gateway of doom</body></html>\"",
                () -> client.call(ApiRequest.post("upload session", RawPaths.of("/x"))));
    }

    @Test
    void retries5xxAnd429ThenSucceeds() {
        wm.stubFor(post("/client/v4/x")
                .inScenario("s")
                .whenScenarioStateIs("Started")
                .willSetStateTo("2")
                .willReturn(aResponse().withStatus(500).withBody("oops")));
        wm.stubFor(post("/client/v4/x")
                .inScenario("s")
                .whenScenarioStateIs("2")
                .willSetStateTo("3")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "7")
                        .withBody("{\"success\":false,\"errors\":[]}")));
        wm.stubFor(post("/client/v4/x")
                .inScenario("s")
                .whenScenarioStateIs("3")
                .willReturn(okJson("{\"success\":true,\"result\":42}")));
        assertEquals(
                42,
                client.call(ApiRequest.post("s", RawPaths.of("/x"))).result().getAsInt());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.get(1).compareTo(Duration.ofSeconds(7)) >= 0, "Retry-After honoured: " + sleeps);
    }

    @Test
    void gives500UpAsNetworkAfterMaxAttempts() {
        wm.stubFor(post("/client/v4/x")
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("cf-ray", "r1")
                        .withBody("{\"success\":false,\"errors\":[{\"code\":1,\"message\":\"down\"}]}")));
        assertFails(
                ApiException.class,
                Kind.NETWORK,
                "deploy Worker: HTTP 502 (cf-ray r1): 1: down (gave up after 3 attempts)",
                () -> client.call(ApiRequest.post("deploy Worker", RawPaths.of("/x"))));
        assertEquals(3, wm.getAllServeEvents().size());
    }

    @Test
    void droppedConnectionAndTimeoutAreRetriedThenNetwork() {
        wm.stubFor(post("/client/v4/drop").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(
                post("/client/v4/slow").willReturn(okJson("{\"success\":true}").withFixedDelay(3000)));
        assertFailsContaining(
                ApiException.class,
                Kind.NETWORK,
                () -> client.call(ApiRequest.post("upload session", RawPaths.of("/drop"))),
                "upload session: ",
                " (gave up after 3 attempts)");
        assertEquals(
                3, wm.findAll(postRequestedFor(urlEqualTo("/client/v4/drop"))).size());
        client.close();
        client = new ApiClient(
                settings(new Credentials.ApiToken(TOKEN)).withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(1)));
        ApiException slow = assertFails(
                ApiException.class,
                Kind.NETWORK,
                "upload session: nothing received for 1 s (timeout)",
                () -> client.execute(ApiRequest.post("upload session", RawPaths.of("/slow"))));
        assertTrue(slow.retryable());
    }

    @Test
    void multipartBodyIsExactAndStreamedWithContentLength(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("worker.js");
        Files.writeString(file, "export default {}\n");
        wm.stubFor(put("/client/v4/accounts/acc1/workers/scripts/site")
                .willReturn(okJson("{\"success\":true,\"result\":{\"id\":\"site\"}}")));
        MultipartBody body = MultipartBody.builder()
                .boundary("BOUND")
                .field("metadata", "{\"main_module\":\"worker.js\"}")
                .part("worker.js", "worker.js", "application/javascript+module", MultipartBody.Content.ofFile(file))
                .build();
        client.call(ApiRequest.put("deploy Worker", RawPaths.of("/accounts/acc1/workers/scripts/site"))
                .multipart(body));
        String expected =
                "--BOUND\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{\"main_module\":\"worker.js\"}\r\n"
                        + "--BOUND\r\nContent-Disposition: form-data; name=\"worker.js\"; filename=\"worker.js\"\r\n"
                        + "Content-Type: application/javascript+module\r\n\r\nexport default {}\n\r\n--BOUND--\r\n";
        LoggedRequest request = wm.findAll(putRequestedFor(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site")))
                .get(0);
        assertEquals(expected, new String(request.getBody(), StandardCharsets.UTF_8));
        assertEquals(String.valueOf(expected.length()), request.getHeader("Content-Length"));
        assertEquals("multipart/form-data; boundary=BOUND", request.getHeader("Content-Type"));
        assertEquals(expected.length(), body.length());
    }

    @Test
    void secretsAreScrubbedFromMessages() {
        wm.stubFor(post("/client/v4/x")
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody("echo " + TOKEN + " eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln")));
        ApiException e = assertFailsContaining(
                ApiException.class,
                Kind.API_REFUSED,
                () -> client.call(ApiRequest.post("s", RawPaths.of("/x"))),
                "s: HTTP 400: malformed response (not a JSON envelope): ");
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        assertFalse(e.getMessage().contains("eyJ"), e.getMessage());
        assertFalse(new Credentials.ApiToken(TOKEN).toString().contains(TOKEN));
    }

    @Test
    void usesTheEnvironmentProxy() {
        client.close();
        String proxy = "http://127.0.0.1:" + wm.port();
        client = new ApiClient(
                ApiSettings.of("http://api.example.invalid/client/v4", "acc1", new Credentials.ApiToken(TOKEN), "1")
                        .withProxy(new ProxySettings(proxy, proxy, "localhost")));
        wm.stubFor(post("/client/v4/x").willReturn(okJson("{\"success\":true,\"result\":1}")));
        assertEquals(
                1, client.call(ApiRequest.post("s", RawPaths.of("/x"))).result().getAsInt());
        LoggedRequest request = wm.getAllServeEvents().get(0).getRequest();
        assertEquals("api.example.invalid", request.getHost());
    }

    @Test
    void usesTheJvmProxyPropertiesWhenTheEnvironmentNamesNone() {
        client.close();
        client = new ApiClient(
                ApiSettings.of("http://api.example.invalid/client/v4", "acc1", new Credentials.ApiToken(TOKEN), "1")
                        .withRetry(RetryPolicy.NONE));
        wm.stubFor(post("/client/v4/x").willReturn(okJson("{\"success\":true,\"result\":2}")));
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(wm.port()));
        try {
            assertEquals(
                    2,
                    client.call(ApiRequest.post("s", RawPaths.of("/x")))
                            .result()
                            .getAsInt());
        } finally {
            System.clearProperty("http.proxyHost");
            System.clearProperty("http.proxyPort");
        }
        assertEquals(
                "api.example.invalid",
                wm.getAllServeEvents().get(0).getRequest().getHost());
    }

    @Test
    void noProxyRules() {
        ProxySettings p = new ProxySettings("http://proxy:3128", null, "localhost, .corp.example,10.0.0.1,api.x:8443");
        assertEquals("proxy", p.proxyFor("https", "api.cloudflare.com", 443).getHost());
        assertEquals(null, p.proxyFor("https", "localhost", 443));
        assertEquals(null, p.proxyFor("https", "a.corp.example", 443));
        assertEquals(null, p.proxyFor("https", "corp.example", 443));
        assertEquals(null, p.proxyFor("https", "api.x", 8443));
        assertEquals("proxy", p.proxyFor("https", "api.x", 443).getHost());
        assertEquals(null, p.proxyFor("http", "api.cloudflare.com", 80), "HTTP_PROXY unset");
        assertEquals(null, new ProxySettings("http://proxy:1", null, "*").proxyFor("https", "any", 443));
    }

    @Test
    void retryAfterParsesSecondsAndDates() {
        assertEquals(Duration.ofSeconds(12), ApiClient.retryAfter("12"));
        assertEquals(null, ApiClient.retryAfter("soon"));
        assertTrue(ApiClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT").isZero());
    }

    @Test
    void backoffGrowsWithJitterAndIsCapped() {
        RetryPolicy p =
                new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(60), d -> {});
        for (int i = 0; i < 50; i++) {
            long first = p.delayAfter(1, null, false).toMillis();
            long fourth = p.delayAfter(4, null, false).toMillis();
            long tenth = p.delayAfter(10, null, false).toMillis();
            assertTrue(first >= 500 && first <= 1000, "first " + first);
            assertTrue(fourth >= 4000 && fourth <= 8000, "fourth " + fourth);
            assertTrue(tenth >= 4000 && tenth <= 8000, "tenth " + tenth);
            assertEquals(60_000, p.delayAfter(1, Duration.ofSeconds(600), false).toMillis());
        }
    }
}
