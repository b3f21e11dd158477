package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.paged;
import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Queues, R2 buckets and dispatch namespaces, as wrangler's resource provisioning looks them up (and creates the
 * missing ones) before a Worker upload: {@code GET/POST .../queues}, {@code GET/POST .../r2/buckets} and {@code GET
 * .../r2/buckets/B} (the {@code cf-r2-jurisdiction} header picks the jurisdiction), {@code GET
 * .../workers/dispatch/namespaces}. Codes wrangler checks are real (10006 no such bucket); the refusals of a taken
 * or malformed name (11009, 10004, 10005) are the recording fake's, invented.
 */
final class ResourcesArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)";
    /** A fixed time for resources the seed does not date. */
    private static final String CREATED = "2025-01-01T00:00:00.000000Z";

    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$");

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
                Route.of("POST", ACCOUNT + "/queues$", JsonCall.account(api, problems, this::createQueue)),
                Route.of("GET", ACCOUNT + "/r2/buckets$", JsonCall.account(api, problems, this::buckets)),
                Route.of("POST", ACCOUNT + "/r2/buckets$", JsonCall.account(api, problems, this::createBucket)),
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
        call.state.accountResources().queues.forEach((queueName, id) -> {
            if (wanted == null || wanted.equals(queueName)) {
                queues.add(queue(queueName, id, WorkersState.START_STAMP));
            }
        });
        return paged(queues);
    }

    private JsonObject createQueue(JsonCall call) {
        JsonElement name = call.jsonObject("a queue").get("queue_name");
        AccountResources resources = call.state.accountResources();
        if (!JsonValues.isString(name)
                || name.getAsString().isEmpty()
                || resources.queues.containsKey(name.getAsString())) {
            throw ApiError.refused(400, 11009, "Queue name '" + name + "' is missing or taken");
        }
        String id = Ids.hex("queue", name.getAsString());
        resources.queues.put(name.getAsString(), id);
        return success(queue(name.getAsString(), id, call.state.stamp()));
    }

    private static JsonObject queue(String name, String id, String created) {
        JsonObject queue = new JsonObject();
        queue.addProperty("queue_id", id);
        queue.addProperty("queue_name", name);
        queue.addProperty("created_on", created);
        queue.addProperty("modified_on", created);
        queue.add("producers", new JsonArray());
        queue.addProperty("producers_total_count", 0);
        queue.add("consumers", new JsonArray());
        queue.addProperty("consumers_total_count", 0);
        return queue;
    }

    private JsonObject buckets(JsonCall call) {
        String jurisdiction = call.header("cf-r2-jurisdiction");
        JsonArray buckets = new JsonArray();
        for (AccountResources.Bucket b : call.state.accountResources().r2Buckets) {
            if (Objects.equals(b.jurisdiction(), jurisdiction)) {
                JsonObject bucket = new JsonObject();
                bucket.addProperty("name", b.name());
                bucket.addProperty("creation_date", "2025-01-01T00:00:00.000Z");
                buckets.add(bucket);
            }
        }
        JsonObject result = new JsonObject();
        result.add("buckets", buckets);
        return success(result);
    }

    /** wrangler sends this JSON body as {@code text/plain;charset=UTF-8}; the fake reads it as JSON all the same. */
    private JsonObject createBucket(JsonCall call) {
        JsonElement name = call.jsonObject("a bucket").get("name");
        String jurisdiction = call.header("cf-r2-jurisdiction");
        if (!JsonValues.isString(name) || !BUCKET.matcher(name.getAsString()).matches()) {
            throw ApiError.refused(400, 10005, "The bucket name '" + name + "' is not valid.");
        }
        AccountResources resources = call.state.accountResources();
        if (resources.r2Buckets.stream().anyMatch(b -> b.name().equals(name.getAsString()))) {
            throw ApiError.refused(409, 10004, "The bucket you tried to create already exists, and you own it.");
        }
        resources.r2Buckets.add(new AccountResources.Bucket(name.getAsString(), jurisdiction));
        JsonObject bucket = new JsonObject();
        bucket.addProperty("name", name.getAsString());
        bucket.addProperty("creation_date", call.state.stamp());
        bucket.addProperty("location", "WEUR");
        return success(bucket);
    }

    private JsonObject bucket(JsonCall call) {
        String name = call.group(2);
        String jurisdiction = call.header("cf-r2-jurisdiction");
        if (!call.state.accountResources().hasBucket(name, jurisdiction)) {
            throw ApiError.notFound(10006, "The specified bucket does not exist.");
        }
        JsonObject bucket = new JsonObject();
        bucket.addProperty("name", name);
        bucket.addProperty("creation_date", "2025-01-01T00:00:00.000Z");
        bucket.addProperty("location", "WEUR");
        bucket.addProperty("storage_class", "Standard");
        if (jurisdiction != null) {
            bucket.addProperty("jurisdiction", jurisdiction);
        }
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
