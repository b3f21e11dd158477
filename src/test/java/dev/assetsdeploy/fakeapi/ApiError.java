package dev.assetsdeploy.fakeapi;

/**
 * An error answer of a control-plane call: HTTP status, Cloudflare error code and message. A refusal (a request the
 * real API would refuse as malformed or invalid) is also recorded in {@link FakeCloudflareApi#problems()}; a lookup
 * that finds nothing (a Worker, a version, a subdomain) is an ordinary answer and is not.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final int code;
    final boolean problem;

    private ApiError(int status, int code, String message, boolean problem) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problem = problem;
    }

    /** The request is malformed or invalid: HTTP {@code status}, recorded as a problem. */
    static ApiError refused(int status, int code, String message) {
        return new ApiError(status, code, message, true);
    }

    /** A malformed or invalid request, HTTP 400 / 10021 (the API's validation code), recorded as a problem. */
    static ApiError invalid(String message) {
        return refused(400, 10021, message);
    }

    /** Nothing of that name: HTTP 404, an answer, not a problem. */
    static ApiError notFound(int code, String message) {
        return new ApiError(404, code, message, false);
    }

    /** A refusal that a correct client expects and handles (10220 before {@code ?force=true}): not a problem. */
    static ApiError answer(int status, int code, String message) {
        return new ApiError(status, code, message, false);
    }
}
