package dev.assetsdeploy.api;

/**
 * A call is about to be tried again: attempt {@code attempt} of {@code attempts} of {@code step} failed with
 * {@code reason} (the failure's detail, scrubbed), and the next starts after {@code next}'s delay. Whoever reports progress
 * says it, so no wait is silent.
 */
public record RetryNotice(String step, int attempt, int attempts, String reason, RetryPolicy.Retry next) {

    /** Told before each wait between two attempts of a call. */
    @FunctionalInterface
    public interface Listener {
        void retrying(RetryNotice notice);

        Listener NONE = notice -> {};
    }
}
