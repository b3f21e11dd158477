package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.versions.Rollout;
import dev.assetsdeploy.versions.WorkerVersion;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** What {@code versions deploy} and {@code rollback} did: the new traffic and the one before it. */
public final class RolloutReport {

    private RolloutReport() {}

    public static void printText(Rollout rollout, boolean rollback, PrintWriter out) {
        Map<String, WorkerVersion> versions = rollout.versions();
        out.println(
                rollback
                        ? "Rolled back Worker " + rollout.scriptName() + " to version "
                                + TerminalText.escape(
                                        rollout.deployment().versions().get(0).versionId())
                        : "Deployed Worker " + rollout.scriptName());
        new LabelledLines()
                .add("  traffic", DeploymentsReport.traffic(rollout.deployment(), versions))
                .add(
                        "  before",
                        rollout.previous() == null
                                ? List.of("none")
                                : DeploymentsReport.traffic(rollout.previous(), versions))
                .add("  deployment", TerminalText.escape(rollout.deployment().id()))
                .add("  message", TerminalText.escape(rollout.deployment().message()))
                .print(out);
        out.flush();
    }

    public static JsonObject json(Rollout rollout) {
        Map<String, WorkerVersion> versions = rollout.versions();
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", rollout.scriptName());
        doc.add("deployment", DeploymentsReport.json(rollout.deployment(), versions));
        doc.add("previous", rollout.previous() == null ? null : DeploymentsReport.json(rollout.previous(), versions));
        doc.addProperty("forced", rollout.forced());
        JsonArray secrets = new JsonArray();
        rollout.changedSecrets().forEach(secrets::add);
        doc.add("changedSecrets", secrets);
        return doc;
    }
}
