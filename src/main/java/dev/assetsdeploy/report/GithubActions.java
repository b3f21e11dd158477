package dev.assetsdeploy.report;

import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * GitHub Actions integration: step outputs ({@code name=value} lines appended to the file named by
 * {@code $GITHUB_OUTPUT}) and a short Markdown summary (appended to {@code $GITHUB_STEP_SUMMARY}).
 * The cli passes the paths; this class only writes.
 */
public final class GithubActions {

    private GithubActions() {}

    /**
     * {@code version-id} always (empty when the API gave none); {@code uploaded}/{@code skipped} when this run
     * uploaded; {@code preview-url} and {@code preview-alias-url} after a version upload (empty when there is none).
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
        return outputs;
    }

    public static void writeOutputs(Path file, DeploySummary summary) throws IOException {
        StringBuilder lines = new StringBuilder();
        outputs(summary)
                .forEach((name, value) ->
                        lines.append(name).append('=').append(value).append('\n'));
        append(file, lines.toString());
    }

    public static void writeSummary(Path file, DeploySummary summary) throws IOException {
        append(file, markdown(summary));
    }

    static String markdown(DeploySummary summary) {
        DeployResult result = summary.result();
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(DeployReport.headline(summary)
                        .replace(
                                result.target().scriptName(),
                                "`" + result.target().scriptName() + "`"))
                .append("\n\n");
        md.append("| | |\n|---|---|\n");
        if (result.versionId() != null) {
            md.append("| Version | `").append(result.versionId()).append("` |\n");
        }
        if (result.etag() != null) {
            md.append("| ETag | `").append(result.etag()).append("` |\n");
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
                .append(" |\n\n");
        return md.toString();
    }

    /** A URL we built from checked parts (a host, an alias): no character in it needs escaping in Markdown. */
    private static String link(String url) {
        return "[" + url + "](" + url + ")";
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
