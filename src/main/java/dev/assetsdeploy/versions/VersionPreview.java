package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.live.WorkerSubdomain;

/**
 * Where an uploaded version answers before it is deployed, as wrangler 4.164's {@code versions upload} finds it: when
 * the upload's answer says the version has a preview ({@code metadata.has_preview}), {@code GET workers/workers/{s}};
 * when that says the Worker's preview URLs are on, {@code https://<first 8 of the version id><preview_url_suffix>}
 * and, with an alias, {@code https://<alias><preview_url_suffix>}.
 */
public sealed interface VersionPreview {

    /** @param aliasUrl {@code null} when the upload had no alias */
    record Urls(String versionUrl, String aliasUrl) implements VersionPreview {}

    /** No preview URL, and why. */
    record None(Reason reason, String detail) implements VersionPreview {}

    enum Reason {
        /** The upload's answer says Cloudflare made no preview (Workers with Durable Objects get none). */
        VERSION_HAS_NO_PREVIEW,
        /** The Worker's preview URLs are off ({@code preview_urls}). */
        PREVIEWS_OFF,
        /** The account has no workers.dev subdomain, so there is no preview host. */
        NO_WORKERS_DEV_SUBDOMAIN,
        /** The version is uploaded, but reading the Worker's preview state failed ({@code detail} says how). */
        LOOKUP_FAILED
    }

    /**
     * After the version upload {@code result}. The version exists whatever happens here, so a failed lookup is not
     * an error of the upload: it comes back as {@link Reason#LOOKUP_FAILED}.
     */
    static VersionPreview of(ApiClient api, DeployResult result, PreviewAlias alias) {
        if (!result.hasPreview()) {
            return new None(Reason.VERSION_HAS_NO_PREVIEW, null);
        }
        WorkerSubdomain subdomain;
        try {
            subdomain = WorkerSubdomain.read(api, result.target().scriptName());
        } catch (AssetsDeployException e) {
            return new None(Reason.LOOKUP_FAILED, e.getMessage());
        }
        if (subdomain.previewUrlSuffix() == null) {
            return new None(Reason.NO_WORKERS_DEV_SUBDOMAIN, null);
        }
        if (!subdomain.previewsEnabled()) {
            return new None(Reason.PREVIEWS_OFF, null);
        }
        String suffix = subdomain.previewUrlSuffix();
        return new Urls(
                "https://" + result.versionId().substring(0, 8) + suffix,
                alias == null ? null : "https://" + alias.value() + suffix);
    }
}
