package dev.assetsdeploy.report;

import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.deploy.DeployResult;
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

    private GithubActions() {}

    /** {@code version-id} always (empty when the API gave none); {@code uploaded}/{@code skipped} when this run uploaded. */
    public static Map<String, String> outputs(DeploySummary summary) {
        Map<String, String> outputs = new LinkedHashMap<>();
        DeployResult result = summary.result();
        outputs.put("version-id", result.versionId() == null ? "" : result.versionId());
        if (summary.assets() != null) {
            outputs.put("uploaded", Integer.toString(summary.assets().uploaded()));
            outputs.put("skipped", Integer.toString(summary.assets().alreadyPresent()));
        }
        return outputs;
    }

    public static void writeOutputs(Path file, DeploySummary summary) throws IOException {
        StringBuilder lines = new StringBuilder();
        outputs(summary).forEach((name, value) -> lines.append(output(name, value)));
        append(file, lines.toString());
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
        md.append("| Time | ")
                .append(DeployReport.seconds(summary.elapsed().toMillis()))
                .append(" |\n\n");
        return md.toString();
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
