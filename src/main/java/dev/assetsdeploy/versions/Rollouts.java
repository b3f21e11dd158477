package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import dev.assetsdeploy.deploy.DeploymentRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * New deployments of existing versions: a traffic split ({@code versions deploy}) and a rollback. Everything the user
 * named is checked first (the ids, the split, that each version belongs to this Worker, with a GET each); only then is
 * the one {@code POST .../deployments} sent. That POST is not retried, as in wrangler: it is not idempotent.
 */
public final class Rollouts {

    /** The API's "secrets have changed since that version" refusal of a rollback. */
    public static final int SECRETS_CHANGED = 10220;
    /** wrangler's rollback message when none is given (its prompt's default, taken without a terminal). */
    public static final String DEFAULT_ROLLBACK_MESSAGE = "Rollback";

    /** How the API's 10220 message introduces the names (wrangler cuts the list out of it the same way). */
    private static final String CHANGED_SECRETS_MARKER = "The following secrets have changed:";

    private final ApiClient api;
    private final WorkerVersions versions;
    private final CodeUpdateStrategy codeUpdateStrategy;

    public Rollouts(ApiClient api, WorkerVersions versions, CodeUpdateStrategy codeUpdateStrategy) {
        this.api = api;
        this.versions = versions;
        this.codeUpdateStrategy = codeUpdateStrategy;
    }

    /**
     * Deploys {@code split}. {@code message} {@code null} sends {@code "workers/message": ""}, as wrangler's
     * {@code versions deploy} does without {@code --message}.
     */
    public Rollout deploy(TrafficSplit split, String message) {
        Deployment previous = current(versions.deployments());
        Map<String, WorkerVersion> known = known(previous, split.shares());
        Deployment created = post(split, message == null ? "" : message, false);
        return new Rollout(versions.scriptName(), previous, created, known, List.of(), false);
    }

    /**
     * Gives all the traffic to {@code versionId}, or, when it is {@code null}, to the version {@link RollbackTarget}
     * picks. When the API refuses because secrets changed since that version (10220), {@code changedSecrets} hears
     * the version and their names first (it may throw to stop there), then the rollback is forced: what wrangler does
     * when no one can answer its prompt.
     */
    public Rollout rollback(String versionId, String message, BiConsumer<String, List<String>> changedSecrets) {
        List<Deployment> deployments = versions.deployments();
        if (deployments.isEmpty()) {
            throw AssetsDeployException.invalidInput(
                    "rollback: Worker " + versions.scriptName() + " has no deployment to roll back");
        }
        String target = versionId != null ? versionId : RollbackTarget.choose(versions.scriptName(), deployments);
        Deployment previous = current(deployments);
        TrafficSplit split = TrafficSplit.whole(target);
        Map<String, WorkerVersion> known = known(previous, split.shares());
        String annotation = message == null ? DEFAULT_ROLLBACK_MESSAGE : message;
        try {
            return new Rollout(
                    versions.scriptName(), previous, post(split, annotation, false), known, List.of(), false);
        } catch (ApiException e) {
            if (!e.hasCode(SECRETS_CHANGED)) {
                throw e;
            }
            List<String> names = changedSecrets(e.getMessage());
            changedSecrets.accept(target, names);
            return new Rollout(versions.scriptName(), previous, post(split, annotation, true), known, names, true);
        }
    }

    /**
     * The versions of the current deployment (as wrangler reads them to show it), then each chosen one, which must
     * exist: an unknown id stops here, before anything changes.
     */
    private Map<String, WorkerVersion> known(Deployment previous, List<TrafficShare> chosen) {
        Map<String, WorkerVersion> known =
                new LinkedHashMap<>(versions.versionsOf(previous == null ? List.of() : List.of(previous)));
        for (TrafficShare share : chosen) {
            known.computeIfAbsent(share.versionId(), versions::get);
        }
        return known;
    }

    private Deployment post(TrafficSplit split, String message, boolean force) {
        DeploymentRequest request = split.request(message, codeUpdateStrategy);
        Deployment answer = Deployment.of(api.execute(request.request(api.paths(), versions.scriptName(), force))
                .resultObject());
        return answer.versions().isEmpty()
                ? new Deployment(
                        answer.id(),
                        answer.createdOn(),
                        answer.source(),
                        answer.authorEmail(),
                        answer.triggeredBy(),
                        answer.message(),
                        split.shares())
                : answer;
    }

    private static Deployment current(List<Deployment> newestFirst) {
        return newestFirst.isEmpty() ? null : newestFirst.get(0);
    }

    /** The names after "The following secrets have changed:" in the API's message, up to the next error. */
    static List<String> changedSecrets(String message) {
        int at = message.indexOf(CHANGED_SECRETS_MARKER);
        if (at < 0) {
            return List.of();
        }
        String list = message.substring(at + CHANGED_SECRETS_MARKER.length());
        int end = list.indexOf(';');
        return Arrays.stream((end < 0 ? list : list.substring(0, end)).split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }
}
