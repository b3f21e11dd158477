package dev.assetsdeploy.report;

import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.versions.PreviewAlias;
import dev.assetsdeploy.versions.VersionPreview;
import java.time.Duration;

/**
 * The outcome of {@code deploy} or {@code all}, for people, scripts and CI.
 *
 * @param assets  what the upload did, or {@code null} when this run uploaded nothing itself
 *                ({@code deploy} with a token file, or {@code --keep-assets})
 * @param keptAssets {@code true} when the Worker kept its current assets ({@code --keep-assets})
 * @param live       what the triggers phase applied, or {@code null} when it did not run ({@code --version-only}, a
 *                   dispatch namespace)
 * @param alias      a version upload's preview alias, or {@code null}
 * @param preview    a version upload's preview URLs (or why there are none); {@code null} for a deploy
 */
public record DeploySummary(
        DeployResult result,
        AssetsCounts assets,
        boolean keptAssets,
        Duration elapsed,
        LiveResult live,
        PreviewAlias alias,
        VersionPreview preview) {

    /** Without a triggers phase or a preview. */
    public DeploySummary(DeployResult result, AssetsCounts assets, boolean keptAssets, Duration elapsed) {
        this(result, assets, keptAssets, elapsed, null, null, null);
    }

    /**
     * @param files          files in the manifest
     * @param bytes          their total size
     * @param uploaded       files this run sent
     * @param alreadyPresent files Cloudflare already had (not sent)
     * @param bytesUploaded  bytes of the files sent
     */
    public record AssetsCounts(int files, long bytes, int uploaded, int alreadyPresent, long bytesUploaded) {}
}
