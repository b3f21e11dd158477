package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * Workflows a Worker owns: {@code GET .../workflows/NAME} (404 / 10200, the code wrangler checks) and {@code PUT}
 * (creates or updates it; its {@code script_name} must be a Worker of the account; those refusals are the recording
 * fake's, codes invented).
 */
final class WorkflowsArea implements FakeArea {

    private static final String WORKFLOW = "^/accounts/([^/]+)/workflows/([^/]+)$";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    WorkflowsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", WORKFLOW, JsonCall.account(api, problems, this::get)),
                Route.of("PUT", WORKFLOW, JsonCall.account(api, problems, this::put)));
    }

    private JsonObject get(JsonCall call) {
        JsonObject workflow = call.state.accountResources().workflows.get(call.group(2));
        if (workflow == null) {
            throw ApiError.notFound(10200, "Workflow not found");
        }
        return success(workflow.deepCopy());
    }

    /** The body as sent, then {@code id}, {@code name} and the times, as the recording fake answered. */
    private JsonObject put(JsonCall call) {
        String name = call.group(2);
        JsonObject body = call.jsonObject("a workflow");
        if (!JsonValues.isString(body.get("script_name")) || !JsonValues.isString(body.get("class_name"))) {
            throw ApiError.invalid("script_name and class_name are required");
        }
        String script = body.get("script_name").getAsString();
        if (call.state.worker(null, script) == null) {
            throw ApiError.refused(400, 10007, "Worker " + script + " does not exist");
        }
        JsonObject existing = call.state.accountResources().workflows.get(name);
        String now = call.state.stamp();
        JsonObject workflow = body.deepCopy();
        workflow.addProperty("id", Ids.hex("workflow", name));
        workflow.addProperty("name", name);
        workflow.addProperty(
                "created_on", existing != null ? existing.get("created_on").getAsString() : now);
        workflow.addProperty("modified_on", now);
        call.state.accountResources().workflows.put(name, workflow);
        return success(workflow.deepCopy());
    }
}
