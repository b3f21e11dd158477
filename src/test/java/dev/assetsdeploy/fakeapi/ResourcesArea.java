package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.paged;
import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The account's resources that bindings name, as wrangler's resource provisioning looks them up before a Worker
 * upload: {@code GET .../queues?name=Q}, {@code GET .../r2/buckets/B} (404 / 10006 when missing) and {@code GET
 * .../workers/dispatch/namespaces}. Read-only: the fake creates no resources.
 */
final class ResourcesArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)";
    /** A fixed time for resources, which the seed does not date. */
    private static final String CREATED = "2025-01-01T00:00:00.000000Z";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    ResourcesArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", ACCOUNT + "/queues$", JsonCall.account(api, problems, this::queues)),
                Route.of("GET", ACCOUNT + "/r2/buckets/([^/]+)$", JsonCall.account(api, problems, this::bucket)),
                Route.of(
                        "GET",
                        ACCOUNT + "/workers/dispatch/namespaces$",
                        JsonCall.account(api, problems, this::spaces)));
    }

    private JsonObject queues(JsonCall call) {
        String name = call.query("name");
        String wanted = name == null ? null : URLDecoder.decode(name, StandardCharsets.UTF_8);
        JsonArray queues = new JsonArray();
        call.state.queuesByName().forEach((queueName, id) -> {
            if (wanted == null || wanted.equals(queueName)) {
                JsonObject queue = new JsonObject();
                queue.addProperty("queue_id", id);
                queue.addProperty("queue_name", queueName);
                queue.addProperty("created_on", WorkersState.START_STAMP);
                queue.addProperty("modified_on", WorkersState.START_STAMP);
                queue.add("producers", new JsonArray());
                queue.addProperty("producers_total_count", 0);
                queue.add("consumers", new JsonArray());
                queue.addProperty("consumers_total_count", 0);
                queues.add(queue);
            }
        });
        return paged(queues);
    }

    private JsonObject bucket(JsonCall call) {
        String name = call.group(2);
        if (!call.state.hasR2Bucket(name)) {
            throw ApiError.notFound(10006, "The specified bucket does not exist.");
        }
        JsonObject bucket = new JsonObject();
        bucket.addProperty("name", name);
        bucket.addProperty("creation_date", "2025-01-01T00:00:00.000Z");
        bucket.addProperty("location", "WEUR");
        bucket.addProperty("storage_class", "Standard");
        return success(bucket);
    }

    private JsonObject spaces(JsonCall call) {
        JsonArray namespaces = new JsonArray();
        call.state.namespaceSizes().forEach((name, scripts) -> {
            JsonObject namespace = new JsonObject();
            namespace.addProperty("namespace_id", Ids.hex("namespace", name));
            namespace.addProperty("namespace_name", name);
            namespace.addProperty("created_on", CREATED);
            namespace.addProperty("modified_on", CREATED);
            namespace.addProperty("script_count", scripts);
            namespaces.add(namespace);
        });
        return paged(namespaces);
    }
}
