package dev.assetsdeploy.api;

import com.google.gson.JsonElement;

/**
 * One API call: the {@code step} that names it in errors and progress ("upload session",
 * "upload bucket 3/7", "deploy Worker"), the method, the path after the base URL (with any
 * query; only {@link ApiPaths} makes one), the body, and who signs it: the account's credentials, or a {@code bearer} token
 * (the upload JWT) instead of them.
 */
public record ApiRequest(String step, String method, ApiPath path, Body body, String bearer) {

    /** A request body with its content type and exact length; written as it is sent. */
    public sealed interface Body permits JsonBody, MultipartPayload, RawBody {}

    public record JsonBody(JsonElement json) implements Body {}

    public record MultipartPayload(MultipartBody multipart) implements Body {}

    public record RawBody(String contentType, MultipartBody.Content content) implements Body {}

    public static ApiRequest get(String step, ApiPath path) {
        return new ApiRequest(step, "GET", path, null, null);
    }

    public static ApiRequest post(String step, ApiPath path) {
        return new ApiRequest(step, "POST", path, null, null);
    }

    public static ApiRequest put(String step, ApiPath path) {
        return new ApiRequest(step, "PUT", path, null, null);
    }

    public ApiRequest json(JsonElement json) {
        return new ApiRequest(step, method, path, new JsonBody(json), bearer);
    }

    public ApiRequest multipart(MultipartBody multipart) {
        return new ApiRequest(step, method, path, new MultipartPayload(multipart), bearer);
    }

    public ApiRequest raw(String contentType, MultipartBody.Content content) {
        return new ApiRequest(step, method, path, new RawBody(contentType, content), bearer);
    }

    /** Sign with {@code Authorization: Bearer <token>} instead of the account's credentials. */
    public ApiRequest bearer(String token) {
        return new ApiRequest(step, method, path, body, token);
    }

    public ApiRequest step(String newStep) {
        return new ApiRequest(newStep, method, path, body, bearer);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + step + ": " + method + " " + path + (bearer != null ? ", bearer ***" : "") + "]";
    }
}
