package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.api.MultipartBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Raw calls to a {@link FakeCloudflareApi} for the fake's own tests: the account's token, JSON or a Worker upload. */
final class FakeClient {

    /** An answer: HTTP status and envelope. */
    record Answer(int status, JsonObject envelope) {

        boolean success() {
            return envelope.get("success").getAsBoolean();
        }

        JsonElement result() {
            return envelope.get("result");
        }

        int code() {
            return envelope.getAsJsonArray("errors").isEmpty()
                    ? 0
                    : envelope.getAsJsonArray("errors")
                            .get(0)
                            .getAsJsonObject()
                            .get("code")
                            .getAsInt();
        }

        String message() {
            return envelope.getAsJsonArray("errors")
                    .get(0)
                    .getAsJsonObject()
                    .get("message")
                    .getAsString();
        }

        /** {@code "400 10021 message"}, or {@code "200"}: one string to compare. */
        String line() {
            return success() ? String.valueOf(status) : status + " " + code() + " " + message();
        }
    }

    private static final String BOUNDARY = "----fake-client-5d1e";

    private final FakeCloudflareApi api;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    FakeClient(FakeCloudflareApi api) {
        this.api = api;
    }

    /** {@code /accounts/ACCOUNT} + {@code rest}. */
    String account(String rest) {
        return "/accounts/" + api.settings.accountId + rest;
    }

    Answer get(String path) {
        return send("GET", path, null, null, null);
    }

    /** A JSON call; {@code json} is sent as written. */
    Answer json(String method, String path, String json) {
        return send(method, path, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The workers.dev call, with the API date header wrangler sends. */
    Answer subdomain(String script, String json) {
        return send(
                "POST",
                account("/workers/scripts/" + script + "/subdomain"),
                "application/json",
                json.getBytes(StandardCharsets.UTF_8),
                SubdomainArea.API_DATE);
    }

    /** A Worker upload: the metadata and a {@code worker.js} module. */
    Answer upload(String method, String path, String metadata) {
        MultipartBody form = MultipartBody.builder()
                .boundary(BOUNDARY)
                .field("metadata", metadata)
                .part(
                        "worker.js",
                        "worker.js",
                        "application/javascript+module",
                        MultipartBody.Content.ofString("export default {}"))
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            form.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(method, path, form.contentType(), out.toByteArray(), null);
    }

    /** {@code POST .../scripts/NAME/versions?bindings_inherit=strict}. */
    Answer uploadVersion(String script, String metadata) {
        return upload("POST", account("/workers/scripts/" + script + "/versions?bindings_inherit=strict"), metadata);
    }

    /** {@code PUT .../scripts/NAME?excludeScript=true&bindings_inherit=strict}. */
    Answer putScript(String script, String metadata) {
        return upload(
                "PUT", account("/workers/scripts/" + script + "?excludeScript=true&bindings_inherit=strict"), metadata);
    }

    private Answer send(String method, String path, String contentType, byte[] body, String apiDate) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Bearer " + api.settings.apiToken);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (apiDate != null) {
            request.header("Cloudflare-Workers-Script-Api-Date", apiDate);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    JsonParser.parseString(response.body()).getAsJsonObject());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
