package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.JsNumber;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.WorkerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything decided before the upload, from the live Worker: how it is uploaded, which bindings are inherited, and
 * what the user must hear first. Nothing is uploaded until it has passed, so a problem with the live Worker stops the
 * deploy before any file is sent (wrangler reads the settings and looks resources up after its assets upload).
 *
 * @param live      the live Worker
 * @param plan      how it is uploaded
 * @param inherited binding names sent as {@code inherit}
 */
public record Preflight(LiveWorker live, DeployPlan plan, Set<String> inherited) {

    public Preflight {
        inherited = Set.copyOf(inherited);
    }

    public static Preflight run(ApiClient api, PreparedWorker worker, DeployWarnings warnings) {
        return run(api, worker, warnings, exists -> {});
    }

    /** As {@link #run(ApiClient, PreparedWorker, DeployWarnings)}, with {@link LiveWorkerReader}'s existence hook. */
    public static Preflight run(
            ApiClient api, PreparedWorker worker, DeployWarnings warnings, Consumer<Boolean> onExistence) {
        LiveWorkerReader reader = new LiveWorkerReader(api);
        LiveWorker live = reader.read(worker, onExistence);
        DeployTarget target = worker.target();
        List<String> secrets = worker.config().bindings().requiredSecrets();
        if (!live.exists() && !secrets.isEmpty() && worker.hasCode()) {
            throw AssetsDeployException.invalidInput(target.describe() + " does not exist yet, so it has no secrets"
                    + " for secrets.required (" + String.join(", ", secrets) + ") to keep: deploy it once without"
                    + " secrets.required, set them with `wrangler secret put NAME`, then add them back");
        }
        Migrations.Pending pending =
                Migrations.toSend(worker.config().settings().migrations(), live.migrationTag());
        if (pending.warning() != null) {
            warnings.warn(target.describe() + ": " + pending.warning());
        }
        if (target.versionOnly() && pending.json() != null) {
            throw AssetsDeployException.invalidInput(target.describe() + " has a pending Durable Object migration (to "
                    + pending.json().get("new_tag").getAsString() + "), which a version upload cannot apply:"
                    + " deploy without --version-only to apply it, then upload versions again");
        }
        warnAboutSplitDeployment(target, live, warnings);
        if (worker.hasCode()) {
            warnAboutSecretClashes(worker, live, warnings);
        } else if (!live.exists()) {
            warnAboutNewAssetsOnlySettings(worker, warnings);
        }
        DeployPlan plan = DeployPlan.choose(target, live, pending.json());
        live = reader.withBindings(worker, live);
        Set<String> inherited = new BindingResolver(api).resolve(worker, live);
        return new Preflight(live, plan, inherited);
    }

    /** wrangler warns (and, in a terminal, asks) before a deploy replaces a split deployment: both versions, shares. */
    private static void warnAboutSplitDeployment(DeployTarget target, LiveWorker live, DeployWarnings warnings) {
        if (target.versionOnly() || live.deployment().size() < 2) {
            return;
        }
        List<String> versions = new ArrayList<>();
        for (LiveWorker.Traffic t : live.deployment()) {
            versions.add(t.versionId() + " at " + JsNumber.format(t.percentage()) + "%"
                    + (t.tag() == null ? "" : " (tag " + t.tag() + ")"));
        }
        warnings.warn(target.describe() + "'s current deployment splits its traffic: " + String.join(" and ", versions)
                + "; this deploy replaces it with the new version at 100% (to move a gradual rollout on instead,"
                + " use `wrangler versions deploy`)");
    }

    /** wrangler's {@code checkRemoteSecretsOverride}: a var or binding replaces the live secret of its name. */
    private static void warnAboutSecretClashes(PreparedWorker worker, LiveWorker live, DeployWarnings warnings) {
        for (Binding binding : LiveWorkerReader.clashCandidates(worker)) {
            if (live.secrets().contains(binding.name())) {
                warnings.warn(binding.origin() + " has the name of a secret of "
                        + worker.target().describe()
                        + ": this deploy replaces the secret with it; rename one, or delete the secret"
                        + " (`wrangler secret delete " + binding.name() + "`)");
            }
        }
    }

    /**
     * wrangler applies {@code observability}, {@code logpush} and {@code tail_consumers} of an assets-only Worker only
     * through the script settings of an existing one; its first upload carries none of them. We do the same, and say
     * so.
     */
    private static void warnAboutNewAssetsOnlySettings(PreparedWorker worker, DeployWarnings warnings) {
        WorkerSettings settings = worker.config().settings();
        List<String> set = new ArrayList<>();
        if (settings.observability() != null) {
            set.add("observability");
        }
        if (settings.logpush() != null) {
            set.add("logpush");
        }
        if (settings.tailConsumers() != null) {
            set.add("tail_consumers");
        }
        if (!set.isEmpty()) {
            warnings.warn(String.join(", ", set) + (set.size() == 1 ? " is" : " are") + " not applied to a new"
                    + " assets-only Worker (wrangler 4.164 sends " + (set.size() == 1 ? "it" : "them")
                    + " only to an existing one, in its script settings): deploy once more to apply "
                    + (set.size() == 1 ? "it" : "them"));
        }
    }
}
