package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Worker's deployments: {@code GET .../scripts/NAME/deployments} (newest first) and {@code POST} of a new one
 * ({@code ?force=true} to deploy a version whose secrets changed since). Where the real API's codes are unknown
 * (a missing or unknown strategy, more than two versions, percentages not adding up to 100, an unknown body key),
 * the fake answers 400 / 10021 with its own text: those codes are invented.
 */
final class DeploymentsArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/scripts/([^/]+)";
    private static final Set<String> KEYS = Set.of("strategy", "versions", "annotations", "code_update_strategy");
    /** The API's limit, which wrangler's {@code --max-versions} comment says is server-side. */
    private static final int MAX_VERSIONS = 2;

    private final FakeCloudflareApi api;
    private final List<String> problems;

    DeploymentsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", SCRIPT + "/deployments$", JsonCall.account(api, problems, this::list)),
                Route.of("POST", SCRIPT + "/deployments$", JsonCall.account(api, problems, this::create)));
    }

    private JsonObject list(JsonCall call) {
        JsonArray deployments = new JsonArray();
        call.workerToRead(call.group(2)).deployments.forEach(d -> deployments.add(d.toJson()));
        JsonObject result = new JsonObject();
        result.add("deployments", deployments);
        return success(result);
    }

    private JsonObject create(JsonCall call) {
        call.recordWorkerRequest();
        Worker worker = call.workerToChange(call.group(2));
        JsonObject body = call.jsonObject("a deployment");
        for (String key : body.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiError.invalid("unknown deployment field '" + key + "'");
            }
        }
        JsonElement strategy = body.get("strategy");
        if (strategy == null) {
            throw ApiError.invalid("strategy is required (\"percentage\")");
        }
        if (!JsonValues.isString(strategy) || !strategy.getAsString().equals("percentage")) {
            throw ApiError.invalid("strategy must be \"percentage\", got " + strategy);
        }
        List<Deployment.Share> shares = shares(body.get("versions"));
        for (Deployment.Share share : shares) {
            if (worker.version(share.versionId()) == null) {
                throw ApiError.refused(
                        404,
                        100146,
                        "The requested Worker version could not be found, please check the ID being passed and"
                                + " try again.");
            }
        }
        JsonObject annotations = annotations(body.get("annotations"));
        checkCodeUpdateStrategy(body.get("code_update_strategy"));
        String force = call.query("force");
        if (force != null && !force.equals("true") && !force.equals("false")) {
            throw ApiError.invalid("force must be true or false, got " + force);
        }
        List<String> changed = shares.size() == 1
                ? worker.secretsChangedSince.get(shares.get(0).versionId())
                : null;
        if (changed != null && !"true".equals(force)) {
            // wrangler reads the names after "The following secrets have changed:" and repeats with ?force=true;
            // the sentence before it is the recording fake's.
            throw ApiError.answer(
                    400,
                    10220,
                    "Secrets have changed since this version was deployed. The following secrets have changed: "
                            + String.join(", ", changed));
        }
        JsonObject notes = new JsonObject();
        notes.addProperty("workers/triggered_by", triggeredBy(worker, shares));
        if (annotations.has("workers/message")) {
            notes.add("workers/message", annotations.get("workers/message"));
        }
        Deployment deployment = new Deployment(
                call.state.nextId("deployment"), call.state.tick(), "wrangler", "percentage", shares, notes);
        worker.deployments.add(0, deployment);
        return success(deployment.toJson());
    }

    /** One or two distinct versions, each with a percentage from 0 to 100, adding up to 100. */
    private static List<Deployment.Share> shares(JsonElement versions) {
        if (versions == null || !versions.isJsonArray()) {
            throw ApiError.invalid("versions must be a list of {version_id, percentage}");
        }
        List<Deployment.Share> shares = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        double sum = 0;
        for (JsonElement element : versions.getAsJsonArray()) {
            JsonObject v = element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
            if (!JsonValues.isString(v.get("version_id")) || !JsonValues.isNumber(v.get("percentage"))) {
                throw ApiError.invalid("each version needs a string version_id and a number percentage: " + element);
            }
            double percentage = v.get("percentage").getAsDouble();
            if (percentage < 0 || percentage > 100) {
                throw ApiError.invalid("percentage " + v.get("percentage") + " is not between 0 and 100");
            }
            if (!ids.add(v.get("version_id").getAsString())) {
                throw ApiError.invalid("version " + v.get("version_id").getAsString() + " is listed twice");
            }
            shares.add(new Deployment.Share(v.get("version_id").getAsString(), percentage));
            sum += percentage;
        }
        if (shares.isEmpty()) {
            throw ApiError.invalid("a deployment needs at least one version");
        }
        if (shares.size() > MAX_VERSIONS) {
            throw ApiError.invalid("a deployment can have at most " + MAX_VERSIONS + " versions, got " + shares.size());
        }
        if (Math.abs(sum - 100) > 1e-9) {
            throw ApiError.invalid("the percentages of a deployment must add up to 100, got " + JsonValues.number(sum));
        }
        return shares;
    }

    private static JsonObject annotations(JsonElement annotations) {
        if (annotations == null) {
            return new JsonObject();
        }
        if (!annotations.isJsonObject()) {
            throw ApiError.invalid("annotations must be an object");
        }
        for (Map.Entry<String, JsonElement> e : annotations.getAsJsonObject().entrySet()) {
            if (!JsonValues.isString(e.getValue())) {
                throw ApiError.invalid("annotation " + e.getKey() + " must be a string");
            }
        }
        return annotations.getAsJsonObject();
    }

    /** {@code {"mode":"immediate"}} or {@code {"mode":"deferred","max_delay":0..86400}} (wrangler 4.164's shape). */
    private static void checkCodeUpdateStrategy(JsonElement strategy) {
        if (strategy == null) {
            return;
        }
        JsonObject s = strategy.isJsonObject() ? strategy.getAsJsonObject() : new JsonObject();
        String mode = JsonValues.isString(s.get("mode")) ? s.get("mode").getAsString() : "";
        JsonElement delay = s.get("max_delay");
        boolean delayOk = delay == null
                || (JsonValues.isNumber(delay) && delay.getAsDouble() >= 0 && delay.getAsDouble() <= 86400);
        if (!(mode.equals("immediate") || mode.equals("deferred")) || !delayOk) {
            throw ApiError.invalid(
                    "code_update_strategy must be {mode: immediate|deferred, max_delay?: 0..86400}: " + strategy);
        }
    }

    /** The recording fake's guess (wrangler only prints it): one version older than the newest serving is a rollback. */
    private static String triggeredBy(Worker worker, List<Deployment.Share> shares) {
        int newestServing = 0;
        if (!worker.deployments.isEmpty()) {
            for (Deployment.Share share : worker.deployments.get(0).versions()) {
                newestServing = Math.max(
                        newestServing, worker.version(share.versionId()).number());
            }
        }
        boolean rollback =
                shares.size() == 1 && worker.version(shares.get(0).versionId()).number() < newestServing;
        return rollback ? "rollback" : "promotion";
    }
}
