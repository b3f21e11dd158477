package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.versions.WorkerVersion;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/** {@code versions list} and {@code versions view}: a block of labelled lines per version, or one JSON document. */
public final class VersionsReport {

    private VersionsReport() {}

    public static void printList(String scriptName, List<WorkerVersion> newestFirst, PrintWriter out) {
        if (newestFirst.isEmpty()) {
            out.println("Worker " + scriptName + " has no versions that can be deployed.");
        } else {
            out.println("Versions of Worker " + scriptName + ", newest first:");
            for (WorkerVersion version : newestFirst) {
                out.println();
                summary(version).print(out);
            }
        }
        out.flush();
    }

    public static JsonObject listJson(String scriptName, List<WorkerVersion> newestFirst) {
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", scriptName);
        JsonArray versions = new JsonArray();
        newestFirst.forEach(v -> versions.add(json(v)));
        doc.add("versions", versions);
        return doc;
    }

    public static void printView(WorkerVersion version, PrintWriter out) {
        summary(version)
                .add("Handlers", String.join(", ", printable(version.handlers())))
                .add("Compatibility date", TerminalText.escape(version.compatibilityDate()))
                .add("Compatibility flags", String.join(", ", printable(version.compatibilityFlags())))
                .add(
                        "Bindings",
                        version.bindings().stream()
                                .map(b -> TerminalText.escape(b.name()) + " (" + TerminalText.escape(b.type()) + ")")
                                .toList())
                .print(out);
        out.flush();
    }

    public static JsonObject viewJson(String scriptName, WorkerVersion version) {
        JsonObject detail = json(version);
        detail.addProperty("compatibilityDate", version.compatibilityDate());
        detail.add("compatibilityFlags", strings(version.compatibilityFlags()));
        detail.add("handlers", strings(version.handlers()));
        JsonArray bindings = new JsonArray();
        for (WorkerVersion.Binding b : version.bindings()) {
            JsonObject binding = new JsonObject();
            binding.addProperty("name", b.name());
            binding.addProperty("type", b.type());
            bindings.add(binding);
        }
        detail.add("bindings", bindings);
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", scriptName);
        doc.add("version", detail);
        return doc;
    }

    private static LabelledLines summary(WorkerVersion v) {
        return new LabelledLines()
                .add("Version ID", TerminalText.escape(v.id()))
                .add("Number", v.number() == null ? null : v.number().toString())
                .add("Created", time(v.createdOn()))
                .add("Author", TerminalText.escape(v.authorEmail()))
                .add("Source", source(v.triggeredBy(), v.source()))
                .add("Tag", TerminalText.escape(v.tag()))
                .add("Alias", TerminalText.escape(v.alias()))
                .add("Message", TerminalText.escape(v.message()));
    }

    /** A version as scripts get it: the API's values, times as ISO 8601 instants. */
    static JsonObject json(WorkerVersion v) {
        JsonObject json = new JsonObject();
        json.addProperty("id", v.id());
        json.addProperty("number", v.number());
        json.addProperty("created", instant(v.createdOn()));
        json.addProperty("author", v.authorEmail());
        json.addProperty("source", v.source());
        json.addProperty("triggeredBy", v.triggeredBy());
        json.addProperty("tag", v.tag());
        json.addProperty("alias", v.alias());
        json.addProperty("message", v.message());
        json.addProperty("hasPreview", v.hasPreview());
        return json;
    }

    /**
     * Where a version or deployment came from, as wrangler words it (without its emoji): what triggered it when the
     * API says, else the client that made it.
     */
    static String source(String triggeredBy, String source) {
        if (triggeredBy != null) {
            return switch (triggeredBy) {
                case "upload" -> "Upload";
                case "secret" -> "Secret change";
                case "rollback" -> "Rollback";
                case "promotion" -> "Promotion";
                default -> "Unknown (" + TerminalText.escape(triggeredBy) + ")";
            };
        }
        if (source == null) {
            return null;
        }
        return switch (source) {
            case "api" -> "API";
            case "dash" -> "Dashboard";
            case "wrangler" -> "Wrangler";
            case "terraform" -> "Terraform";
            default -> "Other (" + TerminalText.escape(source) + ")";
        };
    }

    /** {@code 2025-06-01T12:02:00.000000Z} as {@code 2025-06-01T12:02:00Z}; what does not parse as it came. */
    static String time(String iso) {
        return TerminalText.escape(instant(iso));
    }

    static String instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso).toString();
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static List<String> printable(List<String> values) {
        return values.stream().map(TerminalText::escape).collect(Collectors.toList());
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
