package dev.assetsdeploy.api;

import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.fakeapi.MisbehavingServer;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Servers that hold a request forever without ever going silent long enough for a read timeout: every request has
 * a write timeout (nothing sent for the timeout) and a whole-request deadline, and the failure may be retried.
 * The guard around each test only turns a hang into a failure.
 */
class StalledServerTest {

    static final Duration GUARD = Duration.ofSeconds(30);

    /** 64 MB of zeros, written as it is sent: far more than the socket buffers hold. */
    static final MultipartBody.Content BIG = new MultipartBody.Content() {
        @Override
        public long length() {
            return 64L << 20;
        }

        @Override
        public void writeTo(OutputStream out) throws java.io.IOException {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 1024; i++) {
                out.write(chunk);
            }
        }
    };

    static ApiClient client(MisbehavingServer server, Duration timeout, Duration deadline, RetryPolicy retry) {
        return new ApiClient(ApiSettings.of(server.baseUrl(), "acc1", new Credentials.ApiToken("t0ken-123"), "1")
                .withTimeouts(Duration.ofSeconds(5), timeout)
                .withDeadline(deadline)
                .withRetry(retry));
    }

    static ApiRequest bigUpload() {
        return ApiRequest.post("upload bucket 1/1", RawPaths.of("/upload")).raw("application/null", BIG);
    }

    @Test
    void aServerThatNeverReadsTheBodyFailsTheRequestAfterTheTimeout() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((n, s) -> MisbehavingServer.neverRead(s));
                ApiClient client = client(server, Duration.ofMillis(500), Duration.ofMinutes(5), RetryPolicy.NONE)) {
            assertTimeoutPreemptively(
                    GUARD,
                    () -> assertFailsContaining(
                            ApiException.class,
                            Kind.NETWORK,
                            () -> client.call(bigUpload()),
                            "upload bucket 1/1: nothing could be sent for 500 ms (the server stopped reading; timeout)"));
        }
    }

    @Test
    void aStalledUploadIsRetriedLikeAFailedOne() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((n, s) -> {
                    if (n == 1) {
                        MisbehavingServer.neverRead(s);
                    }
                    MisbehavingServer.answer(s, 200, "{\"success\":true,\"errors\":[],\"result\":7}");
                });
                ApiClient client = client(
                        server,
                        Duration.ofMillis(500),
                        Duration.ofMinutes(5),
                        RetryPolicy.DEFAULT.withMaxAttempts(2).withSleeper(d -> {}))) {
            ApiResponse response = assertTimeoutPreemptively(GUARD, () -> client.call(bigUpload()));
            assertEquals(7, response.result().getAsInt());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void anAnswerDrippedAByteAtATimeFailsAtTheDeadline() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((n, s) -> MisbehavingServer.drip(s, 50));
                ApiClient client = client(server, Duration.ofMillis(500), Duration.ofSeconds(2), RetryPolicy.NONE)) {
            assertTimeoutPreemptively(
                    GUARD,
                    () -> assertFailsContaining(
                            ApiException.class,
                            Kind.NETWORK,
                            () -> client.call(ApiRequest.post("upload session", RawPaths.of("/session"))),
                            "upload session: no complete answer within 2 s (deadline)"));
        }
    }
}
