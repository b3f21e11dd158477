package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The result of {@code deploy}/{@code all}: a few lines for people (what the API answered escaped for the
 * terminal), one JSON document for scripts.
 */
public final class DeployReport {

    private DeployReport() {}

    public static void printText(DeploySummary summary, PrintWriter out) {
        DeployResult result = summary.result();
        DeployTarget target = result.target();
        String versionId = TerminalText.escape(result.versionId());
        out.println(TerminalText.escape(headline(summary)));
        if (versionId != null) {
            out.println("  version id: " + versionId);
        }
        if (result.etag() != null) {
            out.println("  etag:       " + TerminalText.escape(result.etag()));
        }
        if (summary.assets() != null) {
            DeploySummary.AssetsCounts a = summary.assets();
            out.printf(
                    Locale.ROOT,
                    "  assets:     %,d uploaded (%s), %,d already on Cloudflare, %,d files in all%n",
                    a.uploaded(),
                    Sizes.human(a.bytesUploaded()),
                    a.alreadyPresent(),
                    a.files());
        } else if (summary.keptAssets()) {
            out.println("  assets:     kept the assets already deployed");
        }
        out.println("  time:       " + seconds(summary.elapsed().toMillis()));
        if (summary.preview() instanceof VersionPreview.Urls urls) {
            out.println("  preview:    " + urls.versionUrl());
            if (urls.aliasUrl() != null) {
                out.println("  alias:      " + urls.aliasUrl());
            }
        } else if (summary.preview() instanceof VersionPreview.None none) {
            out.println("  preview:    none: " + VersionPreviewText.why(none));
        }
        if (summary.live() != null) {
            TriggersReport.printText(summary.live(), out);
        }
        if (target.versionOnly()) {
            out.println("Not deployed yet: `assets-deploy versions deploy " + versionId + "` gives it all the"
                    + " traffic, `assets-deploy versions deploy " + versionId + "@10 CURRENT_ID@90` a tenth of it.");
        }
        out.flush();
    }

    static String headline(DeploySummary summary) {
        DeployTarget target = summary.result().target();
        return target.versionOnly()
                ? "Uploaded a new version of " + target.describe() + " (not deployed)"
                : "Deployed " + target.describe();
    }

    public static JsonObject json(DeploySummary summary) {
        DeployResult result = summary.result();
        DeployTarget target = result.target();
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", target.scriptName());
        doc.addProperty("dispatchNamespace", target.dispatchNamespace());
        doc.addProperty("deployed", !target.versionOnly());
        doc.addProperty("versionId", result.versionId());
        doc.addProperty("etag", result.etag());
        doc.addProperty("startupTimeMs", result.startupTimeMs());
        JsonObject assets = new JsonObject();
        assets.addProperty("kept", summary.keptAssets());
        if (summary.assets() != null) {
            DeploySummary.AssetsCounts a = summary.assets();
            assets.addProperty("files", a.files());
            assets.addProperty("bytes", a.bytes());
            assets.addProperty("uploaded", a.uploaded());
            assets.addProperty("alreadyPresent", a.alreadyPresent());
            assets.addProperty("bytesUploaded", a.bytesUploaded());
        }
        doc.add("assets", assets);
        if (summary.preview() != null) {
            VersionPreview.Urls urls = summary.preview() instanceof VersionPreview.Urls u ? u : null;
            doc.addProperty(
                    "previewAlias",
                    summary.alias() == null ? null : summary.alias().value());
            doc.addProperty("previewUrl", urls == null ? null : urls.versionUrl());
            doc.addProperty("previewAliasUrl", urls == null ? null : urls.aliasUrl());
            doc.addProperty(
                    "previewUnavailable",
                    summary.preview() instanceof VersionPreview.None none ? VersionPreviewText.code(none) : null);
        }
        doc.add("urls", summary.live() == null ? new JsonArray() : TriggersReport.urls(summary.live()));
        doc.add("triggers", summary.live() == null ? JsonNull.INSTANCE : TriggersReport.json(summary.live()));
        doc.addProperty("elapsedMs", summary.elapsed().toMillis());
        return doc;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
