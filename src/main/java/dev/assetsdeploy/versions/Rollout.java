package dev.assetsdeploy.versions;

import java.util.List;
import java.util.Map;

/**
 * What {@code versions deploy} or {@code rollback} did: the deployment it made and the one it replaced.
 *
 * @param previous       the deployment that was current before, or {@code null} when the Worker had none
 * @param deployment     the new deployment, as the API answered (with the traffic asked for, when its answer
 *                       did not list it)
 * @param versions       the versions of both deployments, by id (those the API still has: all of the new one's)
 * @param changedSecrets for a rollback the API first refused (10220): the secrets it named as changed since that
 *                       version; the rollback was then forced. Empty otherwise
 * @param forced         the deployment was made with {@code ?force=true}
 */
public record Rollout(
        String scriptName,
        Deployment previous,
        Deployment deployment,
        Map<String, WorkerVersion> versions,
        List<String> changedSecrets,
        boolean forced) {

    public Rollout {
        versions = Map.copyOf(versions);
        changedSecrets = List.copyOf(changedSecrets);
    }
}
