package dev.assetsdeploy.report;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.Trigger;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * GitHub Actions integration: step outputs ({@code name=value} lines appended to the file named by
 * {@code $GITHUB_OUTPUT}), a short Markdown summary (appended to {@code $GITHUB_STEP_SUMMARY}) and the
 * {@code ::error::} workflow command. The cli passes the paths; this class only writes. Values from the
 * API are written so that none can add an output, a Markdown block or a workflow command.
 */
public final class GithubActions {

    /** A URL that a Markdown link shows and follows as it is. */
    private static final java.util.regex.Pattern LINKABLE =
            java.util.regex.Pattern.compile("https?://[A-Za-z0-9.:/_~*%-]+");

    private GithubActions() {}

    /**
     * {@code version-id} always (empty when the API gave none); {@code uploaded}/{@code skipped} when this run
     * uploaded; {@code preview-url} and {@code preview-alias-url} after a version upload (empty when there is none);
     * {@code url} (the first URL the Worker answers on, empty when none) and {@code urls} (all of them, a JSON list for
     * {@code fromJSON}) after a triggers phase.
     */
    public static Map<String, String> outputs(DeploySummary summary) {
        Map<String, String> outputs = new LinkedHashMap<>();
        DeployResult result = summary.result();
        outputs.put("version-id", result.versionId() == null ? "" : result.versionId());
        if (summary.assets() != null) {
            outputs.put("uploaded", Integer.toString(summary.assets().uploaded()));
            outputs.put("skipped", Integer.toString(summary.assets().alreadyPresent()));
        }
        if (summary.preview() != null) {
            VersionPreview.Urls urls = summary.preview() instanceof VersionPreview.Urls u ? u : null;
            outputs.put("preview-url", urls == null ? "" : urls.versionUrl());
            outputs.put("preview-alias-url", urls == null || urls.aliasUrl() == null ? "" : urls.aliasUrl());
        }
        if (summary.live() != null) {
            outputs.putAll(urlOutputs(summary.live()));
        }
        return outputs;
    }

    /** {@code url} and {@code urls}, for {@code deploy}/{@code all} and {@code triggers}. */
    public static Map<String, String> urlOutputs(LiveResult live) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("url", live.urls().isEmpty() ? "" : live.urls().get(0));
        outputs.put("urls", Json.compact(TriggersReport.urls(live)));
        return outputs;
    }

    /** Appends {@code name=value} lines. */
    public static void writeOutputs(Path file, Map<String, String> outputs) throws IOException {
        StringBuilder lines = new StringBuilder();
        outputs.forEach((name, value) -> lines.append(output(name, value)));
        append(file, lines.toString());
    }

    public static void writeOutputs(Path file, DeploySummary summary) throws IOException {
        writeOutputs(file, outputs(summary));
    }

    /**
     * One output as GitHub documents it: {@code name=value}, or for a value with a line break
     * {@code name<<DELIMITER}, the value, {@code DELIMITER} (a delimiter that is not in the value).
     */
    static String output(String name, String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return name + "=" + value + "\n";
        }
        String delimiter;
        do {
            delimiter = "ghadelimiter_" + UUID.randomUUID();
        } while (value.contains(delimiter));
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }

    /**
     * The {@code ::error::} workflow command for a message (already escaped for the log), its data escaped as
     * GitHub's toolkit does ({@code %}, CR, LF), so a line break in it stays inside the annotation.
     */
    public static String errorCommand(String message) {
        return "::error::" + message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static void writeSummary(Path file, DeploySummary summary) throws IOException {
        append(file, markdown(summary));
    }

    static String markdown(DeploySummary summary) {
        DeployResult result = summary.result();
        StringBuilder md = new StringBuilder();
        String name = result.target().scriptName();
        md.append("### ")
                .append(TerminalText.escape(DeployReport.headline(summary))
                        .replace("Worker " + TerminalText.escape(name), "Worker " + code(name)))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        if (result.versionId() != null) {
            md.append("| Version | ").append(code(result.versionId())).append(" |\n");
        }
        if (result.etag() != null) {
            md.append("| ETag | ").append(code(result.etag())).append(" |\n");
        }
        if (summary.assets() != null) {
            DeploySummary.AssetsCounts a = summary.assets();
            md.append(String.format(
                    Locale.ROOT, "| Files uploaded | %,d (%s) |\n", a.uploaded(), Sizes.human(a.bytesUploaded())));
            md.append(String.format(Locale.ROOT, "| Already on Cloudflare | %,d |\n", a.alreadyPresent()));
        } else if (summary.keptAssets()) {
            md.append("| Assets | kept the assets already deployed |\n");
        }
        if (summary.preview() instanceof VersionPreview.Urls urls) {
            md.append("| Preview | ").append(link(urls.versionUrl())).append(" |\n");
            if (urls.aliasUrl() != null) {
                md.append("| Alias `")
                        .append(summary.alias().value())
                        .append("` | ")
                        .append(link(urls.aliasUrl()))
                        .append(" |\n");
            }
        } else if (summary.preview() instanceof VersionPreview.None none) {
            md.append("| Preview | none: ")
                    .append(VersionPreviewText.why(none).replace("|", "\\|"))
                    .append(" |\n");
        }
        md.append("| Time | ")
                .append(DeployReport.seconds(summary.elapsed().toMillis()))
                .append(" |\n");
        if (summary.live() != null) {
            md.append(triggerRows(summary.live()));
        }
        return md.append('\n').toString();
    }

    /** One row per trigger: each URL as a link (as code when it holds anything a link would misread), each route and
     * schedule as code. */
    static String triggerRows(LiveResult live) {
        StringBuilder md = new StringBuilder();
        for (Trigger trigger : live.triggers()) {
            if (trigger instanceof Trigger.ZoneRoute) {
                md.append("| Route | ")
                        .append(code(TriggersReport.text(trigger)))
                        .append(" |\n");
            } else if (trigger instanceof Trigger.Schedule s) {
                md.append("| Schedule | ").append(code(s.cron())).append(" |\n");
            } else if (trigger.url() != null) {
                md.append("| URL | ").append(link(trigger.url())).append(" |\n");
            }
        }
        return md.toString();
    }

    /** {@code url} as a link, or as code when it holds anything a link would misread (the API gave part of it). */
    private static String link(String url) {
        return LINKABLE.matcher(url).matches() ? "[" + url + "](" + url + ")" : code(url);
    }

    /** The Markdown of {@code triggers}: a heading and a row per trigger. */
    public static void writeTriggersSummary(Path file, String scriptName, LiveResult live) throws IOException {
        String rows = triggerRows(live);
        append(
                file,
                "### Applied the triggers of Worker `" + scriptName + "`\n\n"
                        + (rows.isEmpty()
                                ? "No workers.dev, route, custom domain or schedule.\n"
                                : "| | |\n|---|---|\n" + rows)
                        + "\n");
    }

    /**
     * A value from outside as a Markdown code span that fits in a table cell: on one line, {@code |}
     * escaped (GitHub reads it even inside a code span), fenced by more backticks than it holds.
     */
    static String code(String value) {
        String text = TerminalText.escape(value).replace("|", "\\|");
        int longestRun = 0;
        for (int i = 0, run = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longestRun = Math.max(longestRun, run);
        }
        if (longestRun == 0) {
            return "`" + text + "`";
        }
        String fence = "`".repeat(longestRun + 1);
        return fence + " " + text + " " + fence;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(
                file,
                text,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
