package dev.assetsdeploy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one retry decision that the client's calls and the uploader's buckets share. */
class RetryPolicyTest {

    /** No backoff of its own, so the only wait is a server's Retry-After (capped at 10 s). */
    private final RetryPolicy policy =
            new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), RetryPolicy.Sleeper.REAL);

    private static ApiException failure(boolean retryable, Duration retryAfter) {
        return new ApiException(Kind.NETWORK, "step", 500, retryable, retryAfter, "step: HTTP 500", null);
    }

    @Test
    void retriesWhatMayPassUntilTheLastAttempt() {
        assertEquals(
                List.of(
                        new RetryPolicy.Retry(Duration.ZERO),
                        new RetryPolicy.Retry(Duration.ZERO),
                        new RetryPolicy.GiveUp(true)),
                List.of(
                        policy.decide(1, failure(true, null)),
                        policy.decide(2, failure(true, null)),
                        policy.decide(3, failure(true, null))));
    }

    @Test
    void givesUpAtOnceOnWhatCannotPass() {
        assertEquals(new RetryPolicy.GiveUp(false), policy.decide(1, failure(false, null)));
    }

    @Test
    void waitsTheServersRetryAfterUpToTheCap() {
        assertEquals(
                List.of(
                        new RetryPolicy.Retry(Duration.ofSeconds(2), Duration.ofSeconds(2), null),
                        new RetryPolicy.Retry(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(10))),
                List.of(
                        policy.decide(1, failure(true, Duration.ofSeconds(2))),
                        policy.decide(1, failure(true, Duration.ofMinutes(5)))));
    }

    /** As wrangler waits 5 s more after a gateway error, doubling: from 5 s, at most 60 s (each 50-100 %, jitter). */
    @Test
    void aGatewayErrorWaitsLonger() {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        for (int status : new int[] {502, 503, 504, 524}) {
            ApiException gateway = new ApiException(Kind.NETWORK, "s", status, true, null, "s: HTTP " + status, null);
            for (int attempt = 1; attempt <= 5; attempt++) {
                long step = Math.min(5000L << (attempt - 1), 60_000);
                long waited = ((RetryPolicy.Retry) defaults.decide(attempt, gateway))
                        .delay()
                        .toMillis();
                assertTrue(waited >= step / 2 && waited <= step, status + " attempt " + attempt + ": " + waited);
            }
        }
        ApiException plain = new ApiException(Kind.NETWORK, "s", 500, true, null, "s: HTTP 500", null);
        assertTrue(((RetryPolicy.Retry) defaults.decide(1, plain)).delay().toMillis() <= 1000);
    }
}
