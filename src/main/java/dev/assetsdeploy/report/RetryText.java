package dev.assetsdeploy.report;

import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * A retry as people read it, one line: what failed, and what is waited for and how long, "upload session: attempt 1
 * of 6 failed (HTTP 429 ...); the API asked to wait 3600 s (Retry-After), more than the 60 s we wait at most:
 * retrying in 60 s".
 */
public final class RetryText {

    private RetryText() {}

    public static String of(RetryNotice notice) {
        RetryPolicy.Retry wait = notice.next();
        String asked = "";
        if (wait.cappedAt() != null) {
            asked = "the API asked to wait " + duration(wait.retryAfter()) + " (Retry-After), more than the "
                    + duration(wait.cappedAt()) + " we wait at most: ";
        } else if (wait.retryAfter() != null) {
            asked = "the API asked to wait " + duration(wait.retryAfter()) + " (Retry-After): ";
        }
        return notice.step() + ": attempt " + notice.attempt() + " of " + notice.attempts() + " failed ("
                + notice.reason() + "); " + asked + "retrying in " + duration(wait.delay());
    }

    /** "1.5 s" below 10 s, else "60 s". */
    static String duration(Duration d) {
        double seconds = d.toMillis() / 1000.0;
        return seconds < 10 ? String.format(Locale.ROOT, "%.1f s", seconds) : Math.round(seconds) + " s";
    }
}
