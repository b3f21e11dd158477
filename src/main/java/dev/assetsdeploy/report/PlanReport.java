package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Counts;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestEntry;
import dev.assetsdeploy.upload.UploadPlan;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code --plan}: which files the API asked for, in manifest order. A file counts when its content is asked
 * for (two files with the same bytes and extension are sent once: the bytes are those of distinct contents).
 */
public final class PlanReport {

    private PlanReport() {}

    public static List<ManifestEntry> toUpload(Manifest manifest, UploadPlan plan) {
        Set<String> asked = plan.buckets().stream()
                .flatMap(b -> b.entries().stream())
                .map(ManifestEntry::hash)
                .collect(Collectors.toSet());
        return manifest.entries().stream().filter(e -> asked.contains(e.hash())).toList();
    }

    public static void printText(Manifest manifest, UploadPlan plan, String worker, boolean verbose, PrintWriter out) {
        List<ManifestEntry> files = toUpload(manifest, plan);
        if (files.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "Plan for Worker \"%s\": Cloudflare already has all %,d files (%s); nothing to upload.%n",
                    worker,
                    manifest.fileCount(),
                    Sizes.human(manifest.totalBytes()));
        } else {
            out.printf(
                    Locale.ROOT,
                    "Plan for Worker \"%s\": Cloudflare asks for %,d of %,d files (%s to send in %s);"
                            + " %s already uploaded.%n",
                    worker,
                    files.size(),
                    manifest.fileCount(),
                    Sizes.human(plan.bytes()),
                    Counts.of(plan.buckets().size(), "request"),
                    Counts.of(manifest.fileCount() - files.size(), "file is", "files are"));
        }
        if (verbose && !files.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Files to upload (%,d):%n", files.size());
            int width = files.stream().mapToInt(e -> e.path().length()).max().orElse(0);
            for (ManifestEntry e : files) {
                out.printf(Locale.ROOT, "  %-" + width + "s  %,12d  %s%n", e.path(), e.size(), e.hash());
            }
            out.println();
        }
        out.println("Nothing was uploaded or deployed (--plan).");
        out.flush();
    }

    public static JsonObject json(Manifest manifest, UploadPlan plan, String worker, String dispatchNamespace) {
        List<ManifestEntry> files = toUpload(manifest, plan);
        JsonObject doc = new JsonObject();
        doc.addProperty("plan", true);
        doc.addProperty("worker", worker);
        doc.addProperty("dispatchNamespace", dispatchNamespace);
        doc.addProperty("files", manifest.fileCount());
        doc.addProperty("bytes", manifest.totalBytes());
        doc.addProperty("filesToUpload", files.size());
        doc.addProperty("bytesToUpload", plan.bytes());
        doc.addProperty("requests", plan.buckets().size());
        doc.addProperty("filesAlreadyUploaded", manifest.fileCount() - files.size());
        JsonArray list = new JsonArray();
        for (ManifestEntry e : files) {
            JsonObject file = new JsonObject();
            file.addProperty("path", e.path());
            file.addProperty("size", e.size());
            file.addProperty("hash", e.hash());
            list.add(file);
        }
        doc.add("toUpload", list);
        return doc;
    }
}
