package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.recorded.RecordedExchange;
import dev.assetsdeploy.recorded.Recording;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fake against every recording: seeded from the recording's {@code seed.json}, it gets wrangler's requests in
 * wrangler's order (raw HTTP, the project's test token) and must answer each with the recorded status, success
 * flag and error code, and a result with every field the recording fake's had. It proves the fake accepts
 * everything wrangler 4.164 sends and refuses what the error scenarios show; and that it records a problem for each
 * refused change, and for nothing else. Where this fake is deliberately stricter than the recording fake, the
 * recording is listed in {@code STRICTER} with the request it refuses and why.
 */
class RecordedReplayTest {

    private static final String BOUNDARY = "----replay-boundary-7e3f0c";

    /** Where this fake is stricter than the recording fake was: it refuses the request, and the replay stops there. */
    private record Stricter(int request, int status, int code, String why) {}

    private static final Map<String, Stricter> STRICTER = Map.of(
            "e04-unsupported",
            new Stricter(
                    9,
                    400,
                    10021,
                    "an unsafe binding of the made-up type my_type: the API refuses a type it does not know, the"
                            + " recording fake let it through"));

    @TestFactory
    Stream<DynamicTest> theFakeAnswersEveryRecordedRequestAsRecorded() {
        List<String> names = Recording.names();
        assertTrue(names.size() >= 40, "recordings found: " + names);
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> replay(Recording.load(name))));
    }

    private static void replay(Recording recording) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (FakeCloudflareApi api = recording.startFake()) {
            Map<String, String> ours = new LinkedHashMap<>();
            int refusedChanges = 0;
            Stricter stricter = STRICTER.get(recording.name());
            for (RecordedExchange r : recording.requests()) {
                HttpResponse<String> response = http.send(request(api, r, ours), HttpResponse.BodyHandlers.ofString());
                JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
                String where = recording.name() + " #" + (r.index() + 1) + " " + r.line() + ": " + response.body();
                if (stricter != null && stricter.request() == r.index() + 1) {
                    assertEquals(stricter.status(), response.statusCode(), where + " (" + stricter.why() + ")");
                    assertEquals(stricter.code(), code(answer), where);
                    assertEquals(
                            refusedChanges + 1,
                            api.problems().size(),
                            api.problems().toString());
                    return;
                }
                assertEquals(r.status(), response.statusCode(), where);
                assertEquals(r.succeeded(), answer.get("success").getAsBoolean(), where);
                if (r.succeeded()) {
                    List<String> missing = new ArrayList<>();
                    missingFields("result", r.result(), answer.get("result"), missing);
                    assertEquals(List.of(), missing, where);
                    assertSameIdsAndTimes(r.result(), answer.get("result"), where);
                } else {
                    assertEquals(r.errorCode(), code(answer), where);
                    if (!r.method().equals("GET") && r.errorCode() != 10220) {
                        refusedChanges++;
                    }
                }
                learn(r.response(), answer, ours);
            }
            assertEquals(refusedChanges, api.problems().size(), recording.name() + ": " + api.problems());
            assertEquals(recording.requests().size(), api.controlPlaneRequests().size());
        }
    }

    private static int code(JsonObject answer) {
        return answer.getAsJsonArray("errors").isEmpty()
                ? 0
                : answer.getAsJsonArray("errors")
                        .get(0)
                        .getAsJsonObject()
                        .get("code")
                        .getAsInt();
    }

    private static HttpRequest request(FakeCloudflareApi api, RecordedExchange r, Map<String, String> ours) {
        String body = new String(r.body(BOUNDARY), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> s : ours.entrySet()) {
            body = body.replace(s.getKey(), s.getValue());
        }
        String base = "http://127.0.0.1:" + api.port() + FakeCloudflareApi.BASE_PATH;
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + r.path() + (r.query() == null ? "" : "?" + r.query())))
                .method(
                        r.method(),
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + api.settings.apiToken);
        r.headers(BOUNDARY).forEach(request::header);
        return request.build();
    }

    /** Every field of the recorded result (objects: each key; arrays: their first element) is in ours. */
    private static void missingFields(String path, JsonElement recorded, JsonElement ours, List<String> missing) {
        if (recorded == null || recorded.isJsonNull()) {
            return;
        }
        if (ours == null || ours.isJsonNull()) {
            missing.add(path);
        } else if (recorded.isJsonObject()) {
            if (!ours.isJsonObject()) {
                missing.add(path + " (not an object)");
                return;
            }
            for (Map.Entry<String, JsonElement> e : recorded.getAsJsonObject().entrySet()) {
                if (!ours.getAsJsonObject().has(e.getKey())) {
                    missing.add(path + "." + e.getKey());
                } else {
                    missingFields(
                            path + "." + e.getKey(),
                            e.getValue(),
                            ours.getAsJsonObject().get(e.getKey()),
                            missing);
                }
            }
        } else if (recorded.isJsonArray()) {
            if (!ours.isJsonArray()
                    || ours.getAsJsonArray().size() != recorded.getAsJsonArray().size()) {
                missing.add(
                        path + " (not an array of " + recorded.getAsJsonArray().size() + ")");
            } else if (!recorded.getAsJsonArray().isEmpty()) {
                missingFields(
                        path + "[0]",
                        recorded.getAsJsonArray().get(0),
                        ours.getAsJsonArray().get(0),
                        missing);
            }
        }
    }

    /**
     * Seeded from the recording, the fake hands out what the recording fake handed out: the same version and
     * deployment ids, numbers and times (so what wrangler printed can be compared too), and the same workers.dev
     * and preview state.
     */
    private static void assertSameIdsAndTimes(JsonElement recorded, JsonElement ours, String where) {
        if (recorded == null || !recorded.isJsonObject()) {
            return;
        }
        for (String key : List.of(
                "id",
                "deployment_id",
                "number",
                "created_on",
                "modified_on",
                "updated_on",
                "has_preview",
                "enabled",
                "previews_enabled",
                "migration_tag",
                "tags")) {
            if (recorded.getAsJsonObject().has(key)) {
                assertEquals(
                        recorded.getAsJsonObject().get(key),
                        ours.getAsJsonObject().get(key),
                        where + " " + key);
            }
        }
        for (String nested : List.of("metadata", "subdomain")) {
            JsonElement inner = recorded.getAsJsonObject().get(nested);
            if (inner != null && inner.isJsonObject()) {
                assertSameIdsAndTimes(inner, ours.getAsJsonObject().get(nested), where);
            }
        }
    }

    /** Maps values the recording fake handed out to ours (the completion token, ids), for the later requests. */
    private static void learn(JsonElement recorded, JsonElement ours, Map<String, String> into) {
        if (recorded == null || ours == null) {
            return;
        }
        if (recorded.isJsonObject() && ours.isJsonObject()) {
            recorded.getAsJsonObject()
                    .entrySet()
                    .forEach(e -> learn(e.getValue(), ours.getAsJsonObject().get(e.getKey()), into));
        } else if (recorded.isJsonArray() && ours.isJsonArray()) {
            for (int i = 0;
                    i
                            < Math.min(
                                    recorded.getAsJsonArray().size(),
                                    ours.getAsJsonArray().size());
                    i++) {
                learn(recorded.getAsJsonArray().get(i), ours.getAsJsonArray().get(i), into);
            }
        } else if (recorded.isJsonPrimitive()
                && recorded.getAsJsonPrimitive().isString()
                && ours.isJsonPrimitive()
                && !recorded.getAsString().equals(ours.getAsString())
                && recorded.getAsString().length() >= 16) {
            into.putIfAbsent(recorded.getAsString(), ours.getAsString());
        }
    }
}
