package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
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
        if (summary.live() != null) {
            TriggersReport.printText(summary.live(), out);
        }
        if (target.versionOnly()) {
            out.println("Not deployed yet: deploy it from the dashboard, or with" + " `wrangler versions deploy "
                    + versionId + "@100%`.");
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
        doc.add("urls", summary.live() == null ? new JsonArray() : TriggersReport.urls(summary.live()));
        doc.add("triggers", summary.live() == null ? JsonNull.INSTANCE : TriggersReport.json(summary.live()));
        doc.addProperty("elapsedMs", summary.elapsed().toMillis());
        return doc;
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
