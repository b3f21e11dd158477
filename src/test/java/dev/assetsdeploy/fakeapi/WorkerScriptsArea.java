package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.error;
import static dev.assetsdeploy.fakeapi.Envelope.respond;
import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Workers scripts, phase 3: the Worker upload ({@code PUT .../scripts/NAME}, in the account or a dispatch
 * namespace), version uploads and deployments. Each request is recorded whole; a Worker upload whose metadata
 * carries a completion token must carry a live one.
 */
final class WorkerScriptsArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/(?:dispatch/namespaces/([^/]+)/)?scripts/([^/]+)";

    private final FakeCloudflareApi api;
    private final List<String> problems;
    final List<RecordedRequest> workerRequests = new CopyOnWriteArrayList<>();

    WorkerScriptsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("PUT", SCRIPT + "$", (ex, m) -> {
                    if (api.accountAuthorized(ex, m.group(1))) {
                        worker(ex, "PUT", m.group(), m.group(3), null);
                    }
                }),
                Route.of("POST", SCRIPT + "(/versions|/deployments)$", (ex, m) -> {
                    if (api.accountAuthorized(ex, m.group(1))) {
                        worker(ex, "POST", m.group(), m.group(3), m.group(4));
                    }
                }),
                // What wrangler's deploy reads before and after it uploads (the benchmarks run it on this fake).
                Route.of("GET", "^/accounts/([^/]+)/workers/(services|workers)/([^/]+)$", (ex, m) -> {
                    if (api.accountAuthorized(ex, m.group(1))) {
                        lookup(ex, m.group(1), m.group(3), m.group(2));
                    }
                }),
                Route.of("GET", "^/accounts/([^/]+)/workers/scripts/([^/]+)/deployments$", (ex, m) -> {
                    if (api.accountAuthorized(ex, m.group(1))) {
                        lookup(ex, m.group(1), m.group(2), "deployments");
                    }
                }),
                Route.of("POST", "^/accounts/([^/]+)/workers/scripts/([^/]+)/(subdomain)$", this::settings),
                Route.of("PATCH", "^/accounts/([^/]+)/workers/scripts/([^/]+)/(script-settings)$", this::settings));
    }

    /** The workers.dev toggle and the script settings wrangler sets after a deploy: echoed, for a Worker that exists. */
    private void settings(HttpExchange ex, java.util.regex.Matcher m) throws IOException {
        if (!api.accountAuthorized(ex, m.group(1))) {
            return;
        }
        String account = m.group(1);
        String script = m.group(2);
        String which = m.group(3);
        JsonElement body =
                JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!exists(account, script)) {
            respond(ex, 404, error(10007, "This Worker does not exist on your account."));
        } else if (!body.isJsonObject()) {
            respond(ex, 400, error(10026, which + ": the body is not a JSON object"));
        } else {
            respond(ex, 200, success(body));
        }
    }

    private boolean exists(String account, String script) {
        String created = "/accounts/" + account + "/workers/scripts/" + script;
        return workerRequests.stream()
                .anyMatch(r -> r.method().equals("PUT") && r.path().equals(created));
    }

    /** A Worker of the account, as GET answers for it: 10007 until a Worker upload created it. */
    private void lookup(HttpExchange ex, String account, String script, String what) throws IOException {
        String created = "/accounts/" + account + "/workers/scripts/" + script;
        if (workerRequests.stream()
                .noneMatch(r -> r.method().equals("PUT") && r.path().equals(created))) {
            respond(ex, 404, error(10007, "This Worker does not exist on your account."));
            return;
        }
        JsonObject result = new JsonObject();
        switch (what) {
            case "services" -> {
                JsonObject scriptInfo = new JsonObject();
                scriptInfo.addProperty("id", script);
                scriptInfo.addProperty("tag", script + "-tag");
                scriptInfo.addProperty("last_deployed_from", "wrangler");
                JsonObject environment = new JsonObject();
                environment.addProperty("environment", "production");
                environment.add("script", scriptInfo);
                result.addProperty("id", script);
                result.add("default_environment", environment);
            }
            case "workers" -> {
                JsonObject subdomain = new JsonObject();
                subdomain.addProperty("enabled", false);
                subdomain.addProperty("previews_enabled", false);
                result.addProperty("id", script + "-tag");
                result.addProperty("name", script);
                result.add("subdomain", subdomain);
            }
            default -> result.add("deployments", new JsonArray());
        }
        respond(ex, 200, success(result));
    }

    private void worker(HttpExchange ex, String method, String path, String script, String action) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        workerRequests.add(new RecordedRequest(method, path, ex.getRequestURI().getRawQuery(), headers, body));
        JsonObject result = new JsonObject();
        if (action == null) {
            String problem = checkAssetsJwt(ex, body);
            if (problem != null) {
                problems.add(problem);
                respond(ex, 400, error(10021, problem));
                return;
            }
            result.addProperty("id", script);
            result.addProperty("etag", UUID.randomUUID().toString().replace("-", ""));
            result.addProperty("has_assets", true);
            result.addProperty("deployment_id", UUID.randomUUID().toString());
        } else if (action.equals("/versions")) {
            JsonObject scriptInfo = new JsonObject();
            scriptInfo.addProperty("etag", UUID.randomUUID().toString().replace("-", ""));
            JsonObject resources = new JsonObject();
            resources.add("script", scriptInfo);
            result.addProperty("id", UUID.randomUUID().toString());
            result.addProperty("number", workerRequests.size());
            result.add("resources", resources);
            result.addProperty("startup_time_ms", 1);
        } else {
            result.addProperty("id", UUID.randomUUID().toString());
            result.addProperty("strategy", "percentage");
            JsonElement request = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            result.add(
                    "versions",
                    request.isJsonObject() && request.getAsJsonObject().has("versions")
                            ? request.getAsJsonObject().get("versions")
                            : new JsonArray());
        }
        respond(ex, 200, success(result));
    }

    /** A Worker upload whose metadata carries {@code assets.jwt} must carry a live completion token. */
    private String checkAssetsJwt(HttpExchange ex, byte[] body) throws IOException {
        String boundary = MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            return "Worker upload is not multipart/form-data";
        }
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary);
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            if ("metadata".equals(part.name())) {
                JsonObject metadata = JsonParser.parseString(
                                new String(part.body().readAllBytes(), StandardCharsets.UTF_8))
                        .getAsJsonObject();
                JsonObject assets = metadata.has("assets") ? metadata.getAsJsonObject("assets") : null;
                if (assets != null
                        && assets.has("jwt")
                        && !api.isValidCompletionToken(assets.get("jwt").getAsString())) {
                    return "metadata.assets.jwt is not a live completion token";
                }
                return null;
            }
        }
        return "Worker upload without a metadata part";
    }
}
