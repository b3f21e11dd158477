package dev.assetsdeploy.deploy;

/**
 * What the API answered to a Worker upload.
 *
 * @param versionId     the new version's id (hyphenated UUID), or {@code null} when the answer had none
 * @param etag          the script's etag, or {@code null}
 * @param startupTimeMs the Worker's measured startup time, or {@code null}
 * @param hasPreview    a version upload's {@code metadata.has_preview}: Cloudflare made preview URLs for it
 */
public record DeployResult(DeployTarget target, String versionId, String etag, Long startupTimeMs, boolean hasPreview) {

    public DeployResult(DeployTarget target, String versionId, String etag, Long startupTimeMs) {
        this(target, versionId, etag, startupTimeMs, false);
    }
}
