package dev.assetsdeploy.live;

import static dev.assetsdeploy.api.ApiJson.bool;
import static dev.assetsdeploy.api.ApiJson.objects;
import static dev.assetsdeploy.api.ApiJson.string;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The triggers phase of wrangler 4.164 ({@code triggersDeploy}, run after every deploy and by
 * {@code wrangler triggers deploy}), request for request, one at a time in the order wrangler starts them:
 *
 * <ol>
 *   <li>{@code GET workers/workers/{s}}: the Worker's workers.dev state and URL; when workers.dev is wanted and that
 *       answer has no URL, {@code GET workers/subdomain} for the account's subdomain.
 *   <li>{@code POST scripts/{s}/subdomain}, always, even when nothing changes.
 *   <li>When workers.dev is off and stays off, and there are zone routes: the {@link RouteCheck}.
 *   <li>{@code PUT scripts/{s}/routes} (zone routes), {@code POST domains/changeset} (custom domains),
 *       {@code PUT scripts/{s}/schedules} (crons), {@code PUT domains/records} (custom domains): wrangler starts
 *       these together, and the records call goes out once the changeset has answered, after the schedules.
 * </ol>
 *
 * A failure in 1 to 3 stops the phase (wrangler throws); a failure in 4 is collected and the other calls of 4 are
 * still made (wrangler's "only partially updated"). Nothing is rolled back. Every call here is safe to repeat, so each
 * goes through {@link ApiClient#call}, which retries what may pass later (5xx, 429, I/O): the GETs change nothing; the
 * subdomain POST and the three PUTs carry the whole desired state (they replace, not add); the changeset POST only
 * computes. (wrangler retries only the GETs and the subdomain POST.)
 *
 * <p>Not copied from wrangler: the per-zone fallback for a token without "All zones" routes permission (code 10000 on
 * the routes PUT); the failure names that permission instead.
 */
public final class TriggersDeployer {

    static final String SUBDOMAIN_STEP = "turn workers.dev on or off";
    static final String ROUTES_STEP = "set the Worker's routes";
    static final String CHANGESET_STEP = "check the custom domains";
    static final String SCHEDULES_STEP = "set the Worker's cron schedules";
    static final String RECORDS_STEP = "attach the custom domains";

    static final String WORKERS_DEV = "workers.dev";
    static final String ROUTES = "routes";
    static final String CUSTOM_DOMAINS = "custom domains";
    static final String SCHEDULES = "cron schedules";

    /** The API's code for "not authorized" (a token without the permission the call needs). */
    private final ApiClient api;

    private final String accountId;

    public TriggersDeployer(ApiClient api, String accountId) {
        this.api = api;
        this.accountId = accountId;
    }

    /**
     * Applies {@code plan}.
     *
     * @param firstDeploy the Worker was created by this deploy (wrangler then gives no "by default" warnings)
     * @param configName  how warnings name the config ({@code wrangler.json}), or {@code null} when there is none
     */
    public LiveResult apply(TriggerPlan plan, boolean firstDeploy, String configName) {
        Run run = new Run(plan);
        try {
            run.all(firstDeploy, configName == null ? "the config" : configName);
        } catch (Stop stop) {
            // run.failures and run.notAttempted say what happened
        }
        return run.result();
    }

    /** One application of a plan, and what it has done so far. */
    private final class Run {
        private final TriggerPlan plan;
        private final String script;
        private final List<Trigger> workersDev = new ArrayList<>();
        private final List<Trigger> routes = new ArrayList<>();
        private final List<Trigger> domains = new ArrayList<>();
        private final List<Trigger> schedules = new ArrayList<>();
        private final List<TriggerFailure> failures = new ArrayList<>();
        private final List<String> notAttempted = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Run(TriggerPlan plan) {
            this.plan = plan;
            this.script = plan.scriptName();
        }

        void all(boolean firstDeploy, String configName) {
            List<Route> zoneRoutes = plan.zoneRoutes();
            List<Route> customDomains = plan.customDomains();
            boolean wantsWorkersDev = plan.wantsWorkersDev();

            ApiPath statePath = api.paths().worker(script);
            WorkerSubdomain before =
                    stopOnFailure(WORKERS_DEV, "GET " + statePath, () -> WorkerSubdomain.read(api, script));
            String host = null;
            if (wantsWorkersDev) {
                host = before.host() != null
                        ? before.host()
                        : script + "."
                                + stopOnFailure(
                                        WORKERS_DEV,
                                        "GET " + api.paths().accountSubdomain(),
                                        () -> AccountSubdomain.read(api, accountId))
                                + ".workers.dev";
            }
            ApiPath subdomainPath = api.paths().workerSubdomain(script);
            JsonObject after = stopOnFailure(
                    WORKERS_DEV,
                    "POST " + subdomainPath,
                    () -> api.call(ApiRequest.post(SUBDOMAIN_STEP, subdomainPath)
                                    .header(TriggerPlan.SCRIPT_API_DATE_HEADER, TriggerPlan.SCRIPT_API_DATE)
                                    .json(plan.subdomainBody()))
                            .resultObject());
            Boolean enabledAfter = bool(after, "enabled");
            Boolean previewsAfter = bool(after, "previews_enabled");
            if (host != null) {
                workersDev.add(new Trigger.WorkersDev(host));
            }
            if (!firstDeploy) {
                warnAboutDefaults(before, enabledAfter, previewsAfter, configName);
            }

            boolean workersDevInSync = enabledAfter != null && enabledAfter == before.enabled();
            if (!wantsWorkersDev && workersDevInSync && !zoneRoutes.isEmpty()) {
                String problem = stopOnFailure(
                        ROUTES, "the route check", () -> new RouteCheck(api, accountId, script).problem(zoneRoutes));
                if (problem != null) {
                    failures.add(new TriggerFailure(ROUTES, null, problem));
                    notAttemptedAfter(ROUTES);
                    throw new Stop();
                }
            }

            if (!zoneRoutes.isEmpty()) {
                ApiPath path = api.paths().workerRoutes(script);
                if (collectFailure(
                        ROUTES,
                        "PUT " + path,
                        () -> api.call(ApiRequest.put(ROUTES_STEP, path).json(plan.routesBody())))) {
                    zoneRoutes.forEach(route -> routes.add(new Trigger.ZoneRoute(route)));
                }
            }
            JsonObject changeset = null;
            if (!customDomains.isEmpty()) {
                changeset = changeset();
            }
            if (plan.settings().crons() != null) {
                ApiPath path = api.paths().schedules(script);
                if (collectFailure(
                        SCHEDULES,
                        "PUT " + path,
                        () -> api.call(ApiRequest.put(SCHEDULES_STEP, path).json(plan.schedulesBody())))) {
                    plan.settings().crons().forEach(cron -> schedules.add(new Trigger.Schedule(cron)));
                }
            }
            if (!customDomains.isEmpty()) {
                warnAboutTakeovers(changeset);
                ApiPath path = api.paths().domainRecords(script);
                if (collectFailure(
                        CUSTOM_DOMAINS,
                        "PUT " + path,
                        () -> api.call(ApiRequest.put(RECORDS_STEP, path).json(plan.recordsBody())))) {
                    customDomains.forEach(domain -> domains.add(new Trigger.CustomDomain(domain)));
                }
            }
        }

        /**
         * What attaching the domains would change. wrangler, without a terminal, goes on with an empty changeset when
         * this call fails; so do we, saying so, as the takeover warnings then cannot be given.
         */
        private JsonObject changeset() {
            ApiPath path = api.paths().domainsChangeset(script);
            try {
                return api.call(ApiRequest.post(CHANGESET_STEP, path).json(plan.origins()))
                        .resultObject();
            } catch (AssetsDeployException e) {
                warnings.add("could not check which custom domains would move from another Worker (POST " + path + ": "
                        + reason(e) + "); attaching them anyway, as wrangler does");
                return null;
            }
        }

        /** The host names the records call takes from another Worker, or whose conflicting DNS record it replaces. */
        private void warnAboutTakeovers(JsonObject changeset) {
            if (changeset == null) {
                return;
            }
            for (JsonObject updated : objects(changeset, "updated")) {
                String service = string(updated, "service");
                if (Boolean.TRUE.equals(bool(updated, "modified")) && service != null && !service.equals(script)) {
                    warnings.add("custom domain " + string(updated, "hostname") + " is attached to Worker " + service
                            + ": it moves to " + script + " (as wrangler does without a terminal)");
                }
            }
            for (JsonObject conflicting : objects(changeset, "conflicting")) {
                warnings.add("custom domain " + string(conflicting, "hostname")
                        + " has a DNS record that conflicts with it: the record is replaced (as wrangler does"
                        + " without a terminal)");
            }
        }

        /** wrangler's two warnings when a default (no {@code workers_dev}, no {@code preview_urls}) changed a state. */
        private void warnAboutDefaults(
                WorkerSubdomain before, Boolean enabledAfter, Boolean previewsAfter, String configName) {
            if (plan.settings().workersDev() == null && enabledAfter != null && enabledAfter != before.enabled()) {
                warnings.add("workers_dev is not set in " + configName + ", so workers.dev is "
                        + (enabledAfter ? "on" : "off") + " for this deploy by default (it was "
                        + (before.enabled() ? "on" : "off") + "); set \"workers_dev\": " + before.enabled() + " ("
                        + (before.enabled() ? "--workers-dev" : "--no-workers-dev") + ") to keep it as it was");
            }
            if (plan.settings().previewUrls() == null
                    && previewsAfter != null
                    && previewsAfter != before.previewsEnabled()) {
                warnings.add("preview_urls is not set in " + configName + ", so preview URLs are "
                        + (previewsAfter ? "on" : "off") + " for this deploy by default, as workers.dev is "
                        + (Boolean.TRUE.equals(enabledAfter) ? "on" : "off") + " (they were "
                        + (before.previewsEnabled() ? "on" : "off") + "); set \"preview_urls\": "
                        + before.previewsEnabled() + " ("
                        + (before.previewsEnabled() ? "--preview-urls" : "--no-preview-urls")
                        + ") to keep them as they were");
            }
        }

        /**
         * {@code request} {@code null}: the call makes several requests, and the failure's message names its step. A
         * Worker that does not exist ({@link MissingWorker}, the first read) is not a phase that applied in part: it
         * goes up as it is.
         */
        private <T> T stopOnFailure(String part, String request, Supplier<T> call) {
            try {
                return call.get();
            } catch (AssetsDeployException e) {
                if (e.kind() == AssetsDeployException.Kind.INVALID_INPUT) {
                    throw e;
                }
                failures.add(new TriggerFailure(part, request, request == null ? e.getMessage() : reason(e)));
                notAttemptedAfter(part);
                throw new Stop();
            }
        }

        /** True when the call succeeded; a failure is recorded and the phase goes on. */
        private boolean collectFailure(String part, String request, Runnable call) {
            try {
                call.run();
                return true;
            } catch (AssetsDeployException e) {
                String reason = reason(e);
                if (part.equals(ROUTES)
                        && e instanceof ApiException api
                        && api.hasCode(ApiException.AUTHENTICATION_ERROR)) {
                    reason += " (the API token needs the permission Zone > Workers Routes > Edit for All zones;"
                            + " assets-deploy does not fall back to one zone at a time as wrangler does)";
                }
                failures.add(new TriggerFailure(part, request, reason));
                return false;
            }
        }

        /** The parts after {@code part} that are asked for, in the order they would have run. */
        private void notAttemptedAfter(String part) {
            List<String> parts = new ArrayList<>();
            if (part.equals(WORKERS_DEV) && !plan.zoneRoutes().isEmpty()) {
                parts.add(ROUTES);
            }
            if (!plan.customDomains().isEmpty()) {
                parts.add(CUSTOM_DOMAINS);
            }
            if (plan.settings().crons() != null) {
                parts.add(SCHEDULES);
            }
            notAttempted.addAll(parts);
        }

        LiveResult result() {
            List<Trigger> all = new ArrayList<>(workersDev);
            all.addAll(routes);
            all.addAll(domains);
            all.addAll(schedules);
            return new LiveResult(all, failures, notAttempted, warnings);
        }
    }

    private static String reason(AssetsDeployException e) {
        return e instanceof ApiException api ? api.detail() : e.getMessage();
    }

    /** Stops the phase; what stopped it is in the run's failures. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }
}
