package dev.assetsdeploy.deploy;

/**
 * What the deploy did.
 *
 * @param versionId     the new version's id (hyphenated UUID), or {@code null} when the answer had none
 * @param etag          the script's etag, or {@code null}
 * @param startupTimeMs the Worker's measured startup time, or {@code null}
 * @param newWorker     the Worker did not exist before this upload (a later step may need to set up what a new
 *                      Worker lacks, such as its workers.dev subdomain)
 * @param deploymentId  the deployment that put the new version at 100 %, when the deploy made one itself
 *                      ({@code POST .../deployments}); {@code null} for a {@code PUT} (which deploys on its own) and a
 *                      version upload
 * @param hasPreview    a version upload's {@code metadata.has_preview}: Cloudflare made preview URLs for it
 */
public record DeployResult(
        DeployTarget target,
        String versionId,
        String etag,
        Long startupTimeMs,
        boolean newWorker,
        String deploymentId,
        boolean hasPreview) {}
