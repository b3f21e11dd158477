package dev.assetsdeploy.fakeapi;

import java.util.List;

/**
 * What a client reads about a Worker in a dispatch namespace before it uploads: {@code GET
 * .../dispatch/namespaces/NS/scripts/NAME/secrets} and {@code .../settings}, answered as for an account Worker.
 * wrangler 4.164 reads the account Worker of that name instead (a bug); assets-deploy reads these.
 */
final class NamespacedWorkerArea implements FakeArea {

    private static final String NAMESPACED = "^/accounts/([^/]+)/workers/dispatch/namespaces/([^/]+)/scripts/([^/]+)";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    NamespacedWorkerArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(
                        "GET",
                        NAMESPACED + "/secrets$",
                        JsonCall.account(api, problems, c -> WorkerInfoArea.secretsOf(worker(c)))),
                Route.of(
                        "GET",
                        NAMESPACED + "/settings$",
                        JsonCall.account(api, problems, c -> WorkerInfoArea.settingsOf(worker(c)))));
    }

    private static Worker worker(JsonCall call) {
        Worker worker = call.state.worker(call.group(2), call.group(3));
        if (worker == null) {
            throw ApiError.notFound(10092, "workers.api.error.script_not_found_in_namespace");
        }
        return worker;
    }
}
