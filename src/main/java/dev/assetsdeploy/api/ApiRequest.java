package dev.assetsdeploy.api;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API call: the {@code step} that names it in errors and progress ("upload session",
 * "upload bucket 3/7", "deploy Worker"), the method, the path after the base URL (with any
 * query; only {@link ApiPaths} makes one), the body, who signs it: the account's credentials, or a {@code bearer}
 * token (the upload JWT) instead of them; and any extra headers ({@code cf-r2-jurisdiction},
 * {@code Cloudflare-Workers-Script-Api-Date}; never a secret).
 */
public record ApiRequest(
        String step, String method, ApiPath path, Body body, String bearer, Map<String, String> headers) {

    public ApiRequest {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ApiRequest(String step, String method, ApiPath path, Body body, String bearer) {
        this(step, method, path, body, bearer, Map.of());
    }

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

    public static ApiRequest patch(String step, ApiPath path) {
        return new ApiRequest(step, "PATCH", path, null, null);
    }

    /** The same request with one more header. */
    public ApiRequest header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(step, method, path, body, bearer, more);
    }

    public ApiRequest json(JsonElement json) {
        return new ApiRequest(step, method, path, new JsonBody(json), bearer, headers);
    }

    /** A JSON body already written ({@code application/json}, sent as these UTF-8 bytes). */
    public ApiRequest jsonText(String json) {
        return raw("application/json", MultipartBody.Content.ofString(json));
    }

    public ApiRequest multipart(MultipartBody multipart) {
        return new ApiRequest(step, method, path, new MultipartPayload(multipart), bearer, headers);
    }

    public ApiRequest raw(String contentType, MultipartBody.Content content) {
        return new ApiRequest(step, method, path, new RawBody(contentType, content), bearer, headers);
    }

    /** Sign with {@code Authorization: Bearer <token>} instead of the account's credentials. */
    public ApiRequest bearer(String token) {
        return new ApiRequest(step, method, path, body, token, headers);
    }

    public ApiRequest step(String newStep) {
        return new ApiRequest(newStep, method, path, body, bearer, headers);
    }

    @Override
    public String toString() {
        return "ApiRequest[" + step + ": " + method + " " + path + (bearer != null ? ", bearer ***" : "") + "]";
    }
}
