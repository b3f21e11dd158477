package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.error;
import static dev.assetsdeploy.fakeapi.Envelope.respond;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The plumbing every Workers control-plane endpoint shares: the credentials check, the state's lock for the whole
 * request, the envelope, and refusals ({@link ApiError}) answered and recorded as problems.
 */
final class JsonCall {

    /** An endpoint's logic: the success envelope, or an {@link ApiError}. Runs holding the state's lock. */
    @FunctionalInterface
    interface Answer {
        JsonObject answer(JsonCall call);
    }

    private final HttpExchange ex;
    private final Matcher path;
    private final byte[] body;
    final WorkersState state;
    final FakeCloudflareApi api;

    private JsonCall(HttpExchange ex, Matcher path, byte[] body, FakeCloudflareApi api) {
        this.ex = ex;
        this.path = path;
        this.body = body;
        this.state = api.workers();
        this.api = api;
    }

    /** An account endpoint: group 1 of the path is the account id. */
    static FakeArea.Handler account(FakeCloudflareApi api, List<String> problems, Answer answer) {
        return (ex, m) -> {
            if (api.accountAuthorized(ex, m.group(1))) {
                run(api, problems, answer, ex, m);
            }
        };
    }

    /** An endpoint outside the account path ({@code /zones...}): the account's credentials, any path. */
    static FakeArea.Handler credentials(FakeCloudflareApi api, List<String> problems, Answer answer) {
        return (ex, m) -> {
            if (api.credentialsValid(ex)) {
                run(api, problems, answer, ex, m);
            }
        };
    }

    private static void run(FakeCloudflareApi api, List<String> problems, Answer answer, HttpExchange ex, Matcher m)
            throws IOException {
        JsonCall call = new JsonCall(ex, m, ex.getRequestBody().readAllBytes(), api);
        JsonObject envelope;
        int status = 200;
        synchronized (call.state) {
            try {
                envelope = answer.answer(call);
            } catch (ApiError e) {
                if (e.problem) {
                    String path = ex.getRequestURI().getRawPath().substring(FakeCloudflareApi.BASE_PATH.length());
                    problems.add(
                            ex.getRequestMethod() + " " + path + ": " + e.getMessage() + " [code: " + e.code + "]");
                }
                status = e.status;
                envelope = error(e.code, e.getMessage());
            }
        }
        respond(ex, status, envelope);
    }

    /** A group of the path pattern. */
    String group(int i) {
        return path.group(i);
    }

    /** A query parameter's raw value, {@code ""} when it has none, null when absent. */
    String query(String name) {
        return Envelope.query(ex, name);
    }

    String header(String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    byte[] body() {
        return body;
    }

    /** The JSON body; a body that is not JSON is refused (400, 10026, the recording fake's code). */
    JsonElement json() {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonNull()) {
                throw ApiError.refused(400, 10026, "the request body is not JSON");
            }
            return json;
        } catch (JsonParseException e) {
            throw ApiError.refused(400, 10026, "the request body is not JSON");
        }
    }

    /** The JSON body, which must be an object ({@code what} names it in the refusal). */
    JsonObject jsonObject(String what) {
        JsonElement json = json();
        if (!json.isJsonObject()) {
            throw ApiError.invalid(what + " must be a JSON object, got " + json);
        }
        return json.getAsJsonObject();
    }

    /** The JSON body, which must be an array ({@code what} names it in the refusal). */
    JsonArray jsonArray(String what) {
        JsonElement json = json();
        if (!json.isJsonArray()) {
            throw ApiError.invalid(what + " must be a JSON array, got " + json);
        }
        return json.getAsJsonArray();
    }

    /** Keeps this request in {@link FakeCloudflareApi#workerRequests()} (Worker uploads, versions, deployments). */
    void recordWorkerRequest() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        api.workerRequests.add(new RecordedRequest(
                ex.getRequestMethod(),
                ex.getRequestURI().getRawPath().substring(FakeCloudflareApi.BASE_PATH.length()),
                ex.getRequestURI().getRawQuery(),
                headers,
                body));
    }

    /** The account's Worker for a read: a missing one is answered 404 / 10007 (an answer, not a problem). */
    Worker workerToRead(String name) {
        Worker worker = state.worker(null, name);
        if (worker == null) {
            throw ApiError.notFound(10007, "workers.api.error.script_not_found");
        }
        return worker;
    }

    /** The account's Worker for a change: a missing one is refused 404 / 10007 and recorded as a problem. */
    Worker workerToChange(String name) {
        Worker worker = state.worker(null, name);
        if (worker == null) {
            throw ApiError.refused(404, 10007, "workers.api.error.script_not_found");
        }
        return worker;
    }
}
