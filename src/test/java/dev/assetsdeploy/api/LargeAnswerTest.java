package dev.assetsdeploy.api;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What we read of an answer is bounded: a 30 MB or endless answer is "too large", not "malformed" nor a hang. */
class LargeAnswerTest {

    static final int MB = 1024 * 1024;

    HttpServer server;
    ApiClient client;

    /** A server on 127.0.0.1 that answers every request with a JSON envelope of {@code size} bytes (-1: endless). */
    void serve(long size) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] head =
                    "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, size < 0 ? 0 : size);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(head);
                long left = size < 0 ? Long.MAX_VALUE : size - head.length - tail.length;
                while (left > 0) {
                    int n = (int) Math.min(chunk.length, left);
                    out.write(chunk, 0, n);
                    left -= n;
                }
                out.write(tail);
            } catch (IOException clientWentAway) {
                // the client stopped reading: what this test wants
            }
        });
        server.start();
        client = new ApiClient(ApiSettings.of(
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4",
                        "acc1",
                        new Credentials.ApiToken("token"),
                        "9.9.9")
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(1)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.stop(0);
    }

    @Test
    void aThirtyMegabyteAnswerIsTooLargeWithItsSize() throws IOException {
        serve(30L * MB);
        assertFails(
                Kind.API_REFUSED,
                "upload session: HTTP 200: answer too large (31,457,280 bytes, limit 16,777,216)",
                () -> client.call(ApiRequest.get("upload session", RawPaths.of("/accounts/acc1/x"))));
    }

    @Test
    void anEndlessAnswerIsTooLargeWithoutReadingToItsEnd() throws IOException {
        serve(-1);
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertFails(
                        Kind.API_REFUSED,
                        "upload session: HTTP 200: answer too large (more than the limit of 16,777,216 bytes)",
                        () -> client.call(ApiRequest.get("upload session", RawPaths.of("/accounts/acc1/x")))));
    }
}
