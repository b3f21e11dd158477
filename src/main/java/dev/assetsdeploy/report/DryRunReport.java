package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.PreparedWorker;
import dev.assetsdeploy.deploy.WorkerModule;
import dev.assetsdeploy.deploy.WorkerUpload;
import dev.assetsdeploy.live.TriggerPlan;
import dev.assetsdeploy.manifest.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code all --dry-run} shows: the manifest summary, then the Worker upload exactly as it
 * would be sent (method, path, parts, metadata), with the completion token replaced by a placeholder.
 */
public final class DryRunReport {

    private DryRunReport() {}

    /**
     * @param worker   the Worker, for its bindings table
     * @param path     the request path after the base URL; the account shown as {@code <account>} when unknown
     * @param triggers the requests of the triggers phase, or {@code null} when it would not run
     */
    public static void printText(
            Manifest manifest,
            PreparedWorker worker,
            WorkerUpload upload,
            String path,
            List<TriggerPlan.PlannedRequest> triggers,
            boolean verbose,
            PrintWriter out) {
        out.println("Dry run: nothing was uploaded or deployed.");
        out.println();
        ManifestReport.printText(manifest, verbose, out);
        out.println();
        out.println("Worker upload: " + upload.method() + " " + TerminalText.escape(path));
        if (!upload.target().versionOnly()) {
            out.println("  (as for a new Worker; an existing one gets POST .../versions, then a deployment at 100% and"
                    + " its script settings)");
        }
        out.println("  part metadata: form field, the JSON below");
        for (WorkerModule module : upload.modules()) {
            out.printf(
                    Locale.ROOT,
                    "  part %s: %s, %s (%s)%n",
                    TerminalText.escape(module.name()),
                    module.contentType(),
                    Sizes.human(size(module)),
                    TerminalText.escape(module.file().toString()));
        }
        out.println();
        List<String> table = BindingsTable.lines(rows(worker), worker.config().settings(), true);
        table.forEach(out::println);
        if (!table.get(table.size() - 1).isEmpty()) {
            out.println();
        }
        out.println("Metadata:");
        out.println(TerminalText.escape(Json.compact(upload.metadata())));
        out.println();
        if (triggers != null) {
            TriggersReport.printPlan(triggers, out);
            out.println();
        }
        out.println(
                "To deploy: set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID, and run the same command without --dry-run.");
        out.flush();
    }

    public static JsonObject json(
            Manifest manifest,
            PreparedWorker worker,
            WorkerUpload upload,
            String path,
            List<TriggerPlan.PlannedRequest> triggers) {
        JsonObject doc = new JsonObject();
        doc.addProperty("dryRun", true);
        doc.add("manifest", ManifestReport.json(manifest));
        JsonObject json = new JsonObject();
        json.addProperty("name", upload.target().scriptName());
        json.addProperty("dispatchNamespace", upload.target().dispatchNamespace());
        json.addProperty("method", upload.method());
        json.addProperty("path", path);
        JsonArray parts = new JsonArray();
        for (WorkerModule module : upload.modules()) {
            JsonObject part = new JsonObject();
            part.addProperty("name", module.name());
            part.addProperty("contentType", module.contentType());
            part.addProperty("size", size(module));
            part.addProperty("file", module.file().toString());
            parts.add(part);
        }
        json.add("modules", parts);
        json.add("bindings", BindingsTable.json(rows(worker)));
        json.add("metadata", upload.metadata());
        doc.add("worker", json);
        doc.add("triggers", triggers == null ? JsonNull.INSTANCE : TriggersReport.planJson(triggers));
        return doc;
    }

    /** What a dry run knows: the config's bindings, none of them inherited yet. */
    private static List<BindingsTable.Row> rows(PreparedWorker worker) {
        return BindingsTable.rows(worker.config().bindings(), Set.of(), worker.hasCode());
    }

    private static long size(WorkerModule module) {
        try {
            return Files.size(module.file());
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read module " + module.file() + ": " + e.getMessage(), e);
        }
    }
}
