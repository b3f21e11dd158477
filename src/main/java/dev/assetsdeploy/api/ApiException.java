package dev.assetsdeploy.api;

import dev.assetsdeploy.AssetsDeployException;
import java.time.Duration;
import java.util.List;

/**
 * A failed API call: the step, the HTTP status (0 when no response came), whether trying
 * again may help, the server's {@code Retry-After}, and a one-line message naming the step,
 * the status, each {@code code: message} and the {@code cf-ray} id. Never holds a secret.
 */
public final class ApiException extends AssetsDeployException {

    /** The API's "Authentication error": a token it does not accept, or one without a permission the call needs. */
    public static final int AUTHENTICATION_ERROR = 10000;

    private final String step;
    private final int status;
    private final boolean retryable;
    private final Duration retryAfter;
    private final List<ApiError> errors;

    /** One {@code errors[]} entry of the envelope that carried a numeric code. */
    public record ApiError(int code, String message) {}

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

    public ApiException(
            Kind kind,
            String step,
            int status,
            boolean retryable,
            Duration retryAfter,
            String message,
            Throwable cause,
            List<ApiError> errors) {
        super(kind, message, cause);
        this.step = step;
        this.status = status;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.errors = List.copyOf(errors);
    }

    /** The envelope's errors with their codes (empty when the answer had none, or there was no answer). */
    public List<ApiError> errors() {
        return errors;
    }

    /** The API answered with this error code. */
    public boolean hasCode(int code) {
        return errors.stream().anyMatch(e -> e.code() == code);
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

    /** 429 or a gateway error: the server asks us to slow down. */
    public boolean overloaded() {
        return status == 429 || gateway();
    }

    /**
     * 502, 503, 504 or 524 (wrangler's {@code isGatewayError}): Cloudflare's edge could not get an answer in time, so
     * the uploads drop to one in flight and the waits grow longer.
     */
    public boolean gateway() {
        return status == 502 || status == 503 || status == 504 || status == 524;
    }

    /** The message without the step prefix, e.g. "HTTP 500 (cf-ray ...): 10013: oops". */
    public String detail() {
        String prefix = step + ": ";
        return getMessage().startsWith(prefix) ? getMessage().substring(prefix.length()) : getMessage();
    }

    /** The same failure, final: retries are exhausted (a retryable failure becomes NETWORK). */
    public ApiException exhausted(String context) {
        Kind finalKind = retryable ? Kind.NETWORK : kind();
        return new ApiException(finalKind, step, status, false, retryAfter, context, this, errors);
    }
}
