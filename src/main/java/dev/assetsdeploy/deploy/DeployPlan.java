package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;

/**
 * How the Worker is uploaded, chosen as wrangler 4.164's {@code deployWorker} chooses ({@code
 * canUseNewVersionsDeploymentsApi}): an existing Worker gets a new version, deployed at 100 %, and its script settings
 * patched; a new Worker, one with a pending Durable Object migration, or one in a dispatch namespace is {@code PUT}.
 *
 * <p>The {@code PUT} is not a shortcut for an existing Worker: it leaves the script settings alone, so a config that
 * dropped {@code observability} would leave it on, where wrangler's {@code PATCH .../script-settings} (always with
 * {@code "observability": <config> ?? {"enabled": false}}) turns it off. Following wrangler keeps the Worker in the
 * state wrangler would leave it in.
 */
public sealed interface DeployPlan {

    /** Why the Worker is {@code PUT}. */
    enum Why {
        NEW_WORKER,
        PENDING_MIGRATION,
        DISPATCH_NAMESPACE
    }

    /** Which request carries the upload, and so what its metadata holds. */
    UploadKind uploadKind();

    /**
     * {@code PUT .../scripts/NAME} (deploys at once), then the service tags when they change.
     *
     * @param migrations the pending migrations to apply, or {@code null}
     */
    record PutScript(Why why, JsonObject migrations) implements DeployPlan {
        public PutScript {
            migrations = migrations == null ? null : migrations.deepCopy();
        }

        @Override
        public JsonObject migrations() {
            return migrations == null ? null : migrations.deepCopy();
        }

        @Override
        public UploadKind uploadKind() {
            return UploadKind.SCRIPT;
        }
    }

    /** {@code POST .../versions}, {@code POST .../deployments} (100 %), {@code PATCH .../script-settings}. */
    record DeployVersion() implements DeployPlan {
        @Override
        public UploadKind uploadKind() {
            return UploadKind.DEPLOYED_VERSION;
        }
    }

    /** {@code POST .../versions} only ({@code --version-only}), then the service tags when they change. */
    record UploadVersion() implements DeployPlan {
        @Override
        public UploadKind uploadKind() {
            return UploadKind.VERSION;
        }
    }

    /** @param pending the migrations the live Worker lacks ({@link Migrations#toSend}) */
    static DeployPlan choose(DeployTarget target, LiveWorker live, JsonObject pending) {
        if (target.versionOnly()) {
            return new UploadVersion();
        }
        if (!live.exists()) {
            return new PutScript(Why.NEW_WORKER, pending);
        }
        if (target.dispatchNamespace() != null) {
            return new PutScript(Why.DISPATCH_NAMESPACE, pending);
        }
        if (pending != null) {
            return new PutScript(Why.PENDING_MIGRATION, pending);
        }
        return new DeployVersion();
    }
}
