package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * KV namespaces, D1 databases, AI Search and Agent Memory namespaces, as wrangler's resource provisioning lists,
 * looks up and creates them: {@code GET/POST .../storage/kv/namespaces}, {@code GET/POST .../d1/database} and {@code
 * GET .../d1/database/ID_OR_NAME} (404 / 7404), {@code GET .../ai-search/namespaces/N}, {@code GET
 * .../agent-memory/namespaces/N} (404 / 7003) and their {@code POST}s. The codes wrangler checks are real (7404,
 * 7502); 10014 for a taken KV title is the recording fake's, invented.
 */
final class StorageArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    StorageArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", ACCOUNT + "/storage/kv/namespaces$", JsonCall.account(api, problems, this::kv)),
                Route.of("POST", ACCOUNT + "/storage/kv/namespaces$", JsonCall.account(api, problems, this::createKv)),
                Route.of("GET", ACCOUNT + "/d1/database$", JsonCall.account(api, problems, this::databases)),
                Route.of("POST", ACCOUNT + "/d1/database$", JsonCall.account(api, problems, this::createDatabase)),
                Route.of("GET", ACCOUNT + "/d1/database/([^/]+)$", JsonCall.account(api, problems, this::database)),
                Route.of(
                        "GET",
                        ACCOUNT + "/ai-search/namespaces/([^/]+)$",
                        JsonCall.account(api, problems, c -> named(c, c.state.accountResources().aiSearchNamespaces))),
                Route.of(
                        "POST",
                        ACCOUNT + "/ai-search/namespaces$",
                        JsonCall.account(api, problems, c -> create(c, c.state.accountResources().aiSearchNamespaces))),
                Route.of(
                        "GET",
                        ACCOUNT + "/agent-memory/namespaces/([^/]+)$",
                        JsonCall.account(
                                api, problems, c -> named(c, c.state.accountResources().agentMemoryNamespaces))),
                Route.of(
                        "POST",
                        ACCOUNT + "/agent-memory/namespaces$",
                        JsonCall.account(
                                api, problems, c -> create(c, c.state.accountResources().agentMemoryNamespaces))));
    }

    /** Sorted by title, as wrangler asks ({@code order=title&direction=asc}). */
    private JsonObject kv(JsonCall call) {
        JsonArray namespaces = new JsonArray();
        call.state.accountResources().kvNamespaces.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> namespaces.add(kvNamespace(e.getKey(), e.getValue())));
        return success(namespaces);
    }

    private JsonObject createKv(JsonCall call) {
        JsonElement title = call.jsonObject("a KV namespace").get("title");
        Map<String, String> namespaces = call.state.accountResources().kvNamespaces;
        if (!JsonValues.isString(title)
                || title.getAsString().isEmpty()
                || namespaces.containsKey(title.getAsString())) {
            throw ApiError.refused(
                    400, 10014, "A namespace with the title " + title + " already exists or the title is missing.");
        }
        String id = Ids.hex("kv", title.getAsString());
        namespaces.put(title.getAsString(), id);
        return success(kvNamespace(title.getAsString(), id));
    }

    private static JsonObject kvNamespace(String title, String id) {
        JsonObject namespace = new JsonObject();
        namespace.addProperty("id", id);
        namespace.addProperty("title", title);
        namespace.addProperty("supports_url_encoding", true);
        return namespace;
    }

    private JsonObject databases(JsonCall call) {
        JsonArray databases = new JsonArray();
        call.state.accountResources().d1Databases.forEach(db -> databases.add(db.toJson()));
        return success(databases);
    }

    private JsonObject database(JsonCall call) {
        String wanted = call.group(2);
        for (AccountResources.Database db : call.state.accountResources().d1Databases) {
            if (db.uuid().equals(wanted) || db.name().equals(wanted)) {
                return success(db.toJson());
            }
        }
        throw ApiError.notFound(7404, "The database " + wanted + " could not be found");
    }

    private JsonObject createDatabase(JsonCall call) {
        JsonObject body = call.jsonObject("a D1 database");
        JsonElement name = body.get("name");
        if (!JsonValues.isString(name) || name.getAsString().isEmpty()) {
            throw ApiError.invalid("a D1 database needs a name");
        }
        List<AccountResources.Database> databases = call.state.accountResources().d1Databases;
        if (databases.stream().anyMatch(db -> db.name().equals(name.getAsString()))) {
            throw ApiError.refused(400, 7502, "A database with that name already exists");
        }
        JsonElement jurisdiction = body.get("jurisdiction");
        AccountResources.Database db = new AccountResources.Database(
                Ids.uuid5("fake-api/d1/" + name.getAsString()),
                name.getAsString(),
                call.state.stamp(),
                JsonValues.isString(jurisdiction) ? jurisdiction.getAsString() : null);
        databases.add(db);
        return success(db.toJson());
    }

    private static JsonObject named(JsonCall call, Set<String> names) {
        if (!names.contains(call.group(2))) {
            throw ApiError.notFound(7003, "namespace not found");
        }
        JsonObject namespace = new JsonObject();
        namespace.addProperty("name", call.group(2));
        return success(namespace);
    }

    private static JsonObject create(JsonCall call, Set<String> names) {
        JsonElement name = call.jsonObject("a namespace").get("name");
        if (!JsonValues.isString(name) || name.getAsString().isEmpty() || names.contains(name.getAsString())) {
            throw ApiError.invalid("namespace name " + name + " is missing or taken");
        }
        names.add(name.getAsString());
        JsonObject namespace = new JsonObject();
        namespace.addProperty("name", name.getAsString());
        return success(namespace);
    }
}
