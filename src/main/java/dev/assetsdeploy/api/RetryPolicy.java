package dev.assetsdeploy.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait between attempts: exponential backoff from {@code baseDelay}
 * doubling up to {@code maxDelay}, with jitter (each wait is 50–100 % of the step, so parallel
 * workers do not retry in lockstep). A server's {@code Retry-After} wins when it is longer,
 * capped at {@code maxRetryAfter}. {@code sleeper} does the waiting; tests pass one that doesn't.
 */
public record RetryPolicy(
        int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter, Sleeper sleeper) {

    /** Waits; injectable so tests run without real delays. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(d.toMillis());
    }

    /** The first wait after a gateway error (502, 503, 504, 524), doubling after each. */
    public static final Duration GATEWAY_BASE_DELAY = Duration.ofSeconds(5);

    /** The longest wait after a gateway error, before jitter. */
    public static final Duration GATEWAY_MAX_DELAY = Duration.ofSeconds(60);

    /**
     * wrangler's floor is 5 attempts with 1, 2, 4, 8 s waits; we try 6 times, waiting up to 30 s. A
     * {@code Retry-After} is waited up to 60 s, wrangler's {@code MAX_RETRY_AFTER_MS} (where wrangler gives up, we
     * wait the 60 s and try again, saying so).
     */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60), Sleeper.REAL);

    /** One attempt only. */
    public static final RetryPolicy NONE =
            new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Sleeper.REAL);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public RetryPolicy withSleeper(Sleeper newSleeper) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, maxRetryAfter, newSleeper);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter, sleeper);
    }

    /** What to do after a failed attempt: wait and try again, or give up. */
    public sealed interface Decision permits Retry, GiveUp {}

    /**
     * Try again after {@code delay}. {@code retryAfter}: what the server's {@code Retry-After} asked, or {@code null};
     * {@code cappedAt}: the most we wait, when it asked for more ({@code null} otherwise).
     */
    public record Retry(Duration delay, Duration retryAfter, Duration cappedAt) implements Decision {
        public Retry(Duration delay) {
            this(delay, null, null);
        }
    }

    /** The failure is final: as it is, or ({@code exhausted}) one that might have passed, on the last attempt. */
    public record GiveUp(boolean exhausted) implements Decision {}

    /**
     * The one retry decision, for {@link ApiClient#call} and the uploader's buckets: a failure that may pass
     * (I/O, timeouts, 5xx, 429) is retried until {@code maxAttempts}, waiting {@link #delayAfter}.
     *
     * @param attempt the attempt that failed, 1 for the first
     */
    public Decision decide(int attempt, ApiException failure) {
        if (!failure.retryable()) {
            return new GiveUp(false);
        }
        if (attempt >= maxAttempts) {
            return new GiveUp(true);
        }
        Duration asked = failure.retryAfter();
        return new Retry(
                delayAfter(attempt, asked, failure.gateway()),
                asked,
                asked != null && asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : null);
    }

    /**
     * The wait before attempt {@code failedAttempts + 1}, after {@code failedAttempts} failures (≥ 1); after a
     * gateway error ({@link ApiException#gateway}) the steps are {@link #GATEWAY_BASE_DELAY}, doubling, up to
     * {@link #GATEWAY_MAX_DELAY}: wrangler adds 5 s, 10 s, 20 s... to its backoff there.
     */
    public Duration delayAfter(int failedAttempts, Duration retryAfter, boolean gateway) {
        long base = gateway ? GATEWAY_BASE_DELAY.toMillis() : baseDelay.toMillis();
        long step = base << Math.min(failedAttempts - 1, 20);
        long capped = Math.min(step, gateway ? GATEWAY_MAX_DELAY.toMillis() : maxDelay.toMillis());
        long jittered = capped / 2 + (capped > 1 ? ThreadLocalRandom.current().nextLong(capped / 2 + 1) : 0);
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxRetryAfter.toMillis()));
        }
        return Duration.ofMillis(jittered);
    }

    public void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
    }

    /** Thrown when a wait is interrupted: the run is being cancelled. */
    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("interrupted");
        }
    }
}
