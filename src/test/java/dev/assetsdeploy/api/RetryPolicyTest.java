package dev.assetsdeploy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        return new ApiException(Kind.NETWORK, "step", 503, retryable, retryAfter, "step: HTTP 503", null);
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
                List.of(new RetryPolicy.Retry(Duration.ofSeconds(2)), new RetryPolicy.Retry(Duration.ofSeconds(10))),
                List.of(
                        policy.decide(1, failure(true, Duration.ofSeconds(2))),
                        policy.decide(1, failure(true, Duration.ofMinutes(5)))));
    }
}
