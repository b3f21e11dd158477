package dev.assetsdeploy.versions;

import java.util.List;

/**
 * What {@code versions deploy} or {@code rollback} did: the deployment it made and the one it replaced.
 *
 * @param previous       the deployment that was current before, or {@code null} when the Worker had none
 * @param deployment     the new deployment, as the API answered
 * @param versions       the versions it serves, in the order of its shares
 * @param changedSecrets for a rollback the API first refused (10220): the secrets it named as changed since that
 *                       version; the rollback was then forced. Empty otherwise
 * @param forced         the deployment was made with {@code ?force=true}
 */
public record Rollout(
        String scriptName,
        Deployment previous,
        Deployment deployment,
        List<WorkerVersion> versions,
        List<String> changedSecrets,
        boolean forced) {

    public Rollout {
        versions = List.copyOf(versions);
        changedSecrets = List.copyOf(changedSecrets);
    }
}
