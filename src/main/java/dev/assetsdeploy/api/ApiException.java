package dev.assetsdeploy.api;

import dev.assetsdeploy.AssetsDeployException;
import java.time.Duration;
import java.util.List;

/**
 * A failed API call: the step, the HTTP status (0 when no response came), whether trying
 * again may help, the server's {@code Retry-After}, and a one-line message naming the step,
 * the status, each {@code code: message} and the {@code cf-ray} id, and the API's error codes. Never holds a
 * secret.
 */
public final class ApiException extends AssetsDeployException {

    private final String step;
    private final int status;
    private final boolean retryable;
    private final Duration retryAfter;
    private final List<Integer> codes;

    public ApiException(
            Kind kind,
            String step,
            int status,
            boolean retryable,
            Duration retryAfter,
            String message,
            Throwable cause) {
        this(kind, step, status, retryable, retryAfter, message, cause, List.of());
    }

    /** @param codes the {@code code} of each error in the answer's envelope, in order */
    public ApiException(
            Kind kind,
            String step,
            int status,
            boolean retryable,
            Duration retryAfter,
            String message,
            Throwable cause,
            List<Integer> codes) {
        super(kind, message, cause);
        this.step = step;
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.codes = List.copyOf(codes);
    }

    public String step() {
        return step;
    }

    /** The HTTP status, or 0 for an I/O failure (no response). */
    public int status() {
        return status;
    }

    /** True for I/O errors, timeouts, 5xx and 429: another attempt may succeed. */
    public boolean retryable() {
        return retryable;
    }

    /** The server's {@code Retry-After}, or {@code null}. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The API's error codes (10007, 10000, ...), empty when the answer had none or there was no answer. */
    public List<Integer> codes() {
        return codes;
    }

    public boolean hasCode(int code) {
        return codes.contains(code);
    }

    /** 429 or 524: the server asks us to slow down. */
    public boolean overloaded() {
        return status == 429 || status == 524;
    }

    /** The message without the step prefix, e.g. "HTTP 500 (cf-ray ...): 10013: oops". */
    public String detail() {
        String prefix = step + ": ";
        return getMessage().startsWith(prefix) ? getMessage().substring(prefix.length()) : getMessage();
    }

    /** The same failure, final: retries are exhausted (a retryable failure becomes NETWORK). */
    public ApiException exhausted(String context) {
        Kind finalKind = retryable ? Kind.NETWORK : kind();
        return new ApiException(finalKind, step, status, false, retryAfter, context, this, codes);
    }
}
