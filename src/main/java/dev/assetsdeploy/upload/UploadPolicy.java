package dev.assetsdeploy.upload;

import dev.assetsdeploy.api.RetryPolicy;
import java.time.Clock;
import java.time.Duration;

/**
 * How the uploader behaves: buckets in flight at most ({@code concurrency}); the retry policy
 * per bucket; how long before the upload token's expiry a new session is opened
 * ({@code renewBefore}); the clock tokens are judged by; and a bound on renewals.
 */
public record UploadPolicy(int concurrency, RetryPolicy retry, Duration renewBefore, Clock clock, int maxRenewals) {

    /** See the README: twice wrangler's 3, because buckets are streamed (memory stays flat) and 429/524 lower it. */
    public static final int DEFAULT_CONCURRENCY = 6;
    /** The most {@code --concurrency} takes (each request in flight holds one pooled connection). */
    public static final int MAX_CONCURRENCY = 64;

    public UploadPolicy {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public static UploadPolicy defaults() {
        return new UploadPolicy(DEFAULT_CONCURRENCY, RetryPolicy.DEFAULT, Duration.ofMinutes(5), Clock.systemUTC(), 20);
    }

    public UploadPolicy withConcurrency(int n) {
        return new UploadPolicy(n, retry, renewBefore, clock, maxRenewals);
    }

    public UploadPolicy withRetry(RetryPolicy policy) {
        return new UploadPolicy(concurrency, policy, renewBefore, clock, maxRenewals);
    }

    public UploadPolicy withClock(Clock newClock) {
        return new UploadPolicy(concurrency, retry, renewBefore, newClock, maxRenewals);
    }
}
