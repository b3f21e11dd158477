package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.WorkerModule;
import dev.assetsdeploy.deploy.WorkerUpload;
import dev.assetsdeploy.manifest.Manifest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;

/**
 * What {@code all --dry-run} shows: the manifest summary, then the Worker upload exactly as it
 * would be sent (method, path, parts, metadata), with the completion token replaced by a placeholder.
 */
public final class DryRunReport {

    private DryRunReport() {}

    /** @param path the request path after the base URL; the account shown as {@code <account>} when unknown */
    public static void printText(
            Manifest manifest, WorkerUpload upload, String path, boolean verbose, PrintWriter out) {
        out.println("Dry run: nothing was uploaded or deployed.");
        out.println();
        ManifestReport.printText(manifest, verbose, out);
        out.println();
        out.println("Worker upload: " + upload.target().method() + " " + TerminalText.escape(path));
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
        out.println("Metadata:");
        out.println(TerminalText.escape(Json.compact(upload.metadata())));
        out.println();
        out.println(
                "To deploy: set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID, and run the same command without --dry-run.");
        out.flush();
    }

    public static JsonObject json(Manifest manifest, WorkerUpload upload, String path) {
        JsonObject doc = new JsonObject();
        doc.addProperty("dryRun", true);
        doc.add("manifest", ManifestReport.json(manifest));
        JsonObject worker = new JsonObject();
        worker.addProperty("name", upload.target().scriptName());
        worker.addProperty("dispatchNamespace", upload.target().dispatchNamespace());
        worker.addProperty("method", upload.target().method());
        worker.addProperty("path", path);
        JsonArray parts = new JsonArray();
        for (WorkerModule module : upload.modules()) {
            JsonObject part = new JsonObject();
            part.addProperty("name", module.name());
            part.addProperty("contentType", module.contentType());
            part.addProperty("size", size(module));
            part.addProperty("file", module.file().toString());
            parts.add(part);
        }
        worker.add("modules", parts);
        worker.add("metadata", upload.metadata());
        doc.add("worker", worker);
        return doc;
    }

    private static long size(WorkerModule module) {
        try {
            return Files.size(module.file());
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read module " + module.file() + ": " + e.getMessage(), e);
        }
    }
}
