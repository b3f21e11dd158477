package dev.assetsdeploy.report;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.preview.PreviewResponse;
import dev.assetsdeploy.preview.PreviewSettings;
import dev.assetsdeploy.preview.PreviewSite;
import dev.assetsdeploy.preview.ResponseHeaders;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code preview} tells people: an explained request ({@code --explain}), and the server's lines on stderr.
 * Request targets, rules and names come from outside: every line is escaped for the terminal.
 */
public final class PreviewReport {

    private PreviewReport() {}

    /** {@code --explain}: the request, the answer (or that the Worker would give it), and each rule that decided. */
    public static void printExplanation(
            String method,
            String target,
            Map<String, String> requestHeaders,
            PreviewResponse r,
            PreviewSettings settings,
            String configuredDate,
            PrintWriter out) {
        println(
                out,
                method.toUpperCase(Locale.ROOT) + " " + target
                        + (requestHeaders.isEmpty() ? "" : "  " + requestHeaders));
        if (r.toWorker()) {
            println(out, "  goes to the Worker (preview does not run Worker code)");
        } else {
            println(out, "  status    " + r.status());
            if (r.location() != null) {
                println(out, "  location  " + r.location());
            }
            println(
                    out,
                    "  asset     "
                            + (r.asset() == null
                                    ? "none"
                                    : r.asset().path() + " (" + r.asset().file() + ")"));
            for (ResponseHeaders.Header h : r.headers().list()) {
                println(out, "  header    " + h.name() + ": " + h.value());
            }
        }
        println(out, "  decided by:");
        r.steps().forEach(step -> println(out, "    " + step));
        println(out, "  (" + modes(settings, configuredDate) + ")");
    }

    /** One line of text for people: what the request, the rules and the folder hold, escaped for the terminal. */
    private static void println(PrintWriter out, String line) {
        out.println(TerminalText.escape(line));
    }

    /** {@code --explain --json}: the same answer for scripts. */
    public static String explanationJson(PreviewResponse r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("worker", r.toWorker());
        if (!r.toWorker()) {
            json.put("status", r.status());
            json.put("location", r.location());
            json.put("asset", r.asset() == null ? null : r.asset().path());
            List<Map<String, String>> headerList = new ArrayList<>();
            r.headers().list().forEach(h -> headerList.add(Map.of("name", h.name(), "value", h.value())));
            json.put("headers", headerList);
        }
        List<Map<String, String>> steps = new ArrayList<>();
        r.steps().forEach(s -> steps.add(Map.of("rule", s.rule(), "detail", s.detail())));
        json.put("steps", steps);
        return Json.prettyGson().toJson(json);
    }

    /** Where the folder is served, and how: the server's first line. */
    public static String serving(Path folder, PreviewSite site, String configuredDate, String host, int port) {
        return TerminalText.escape("Serving " + folder + " (" + site.manifest().fileCount() + " files; "
                + modes(site.settings(), configuredDate) + ") at http://" + host + ":" + port + "/  (Ctrl+C to stop)");
    }

    /** One line per request answered: method, target, status (or Worker), Location, and the deciding rule. */
    public static String requestLine(String method, String target, PreviewResponse r) {
        PreviewResponse.Step step = r.decidingStep();
        return TerminalText.escape(method + " " + target + " " + (r.toWorker() ? "Worker" : r.status())
                + (r.location() != null ? " -> " + r.location() : "") + (step == null ? "" : "  [" + step + "]"));
    }

    public static String reloaded(PreviewSite site) {
        return "folder changed: " + site.manifest().fileCount() + " files";
    }

    public static String reloadFailed(RuntimeException failure) {
        return TerminalText.escape("warning: folder changed but cannot be served as it is now (" + failure.getMessage()
                + "); still serving the previous version");
    }

    /**
     * What a Worker with code means for preview, which does not run it: which requests reach it, and why.
     * {@code null} for an assets-only Worker.
     *
     * @param binding the assets binding name, or {@code null}
     */
    public static String workerNote(PreviewSettings settings, String binding) {
        if (!settings.hasWorkerCode()) {
            return null;
        }
        StringBuilder note = new StringBuilder("note: this Worker has code (main), which preview does not run:"
                + " requests that would reach it are answered 501 and logged as 'Worker'.");
        if (binding != null) {
            note.append(" The ").append(binding).append(" binding exists only inside Worker code.");
        }
        if (settings.workerFirstForAll()) {
            note.append(" run_worker_first is true: every request goes to the Worker first.");
        } else if (!settings.workerFirstRules().isEmpty()) {
            note.append(" run_worker_first sends these paths to the Worker first: ")
                    .append(String.join(", ", settings.workerFirstRules()))
                    .append(
                            "; other requests go to the Worker only when no asset (and no not_found_handling page) matches.");
        } else {
            note.append(" Requests go to the Worker when no asset matches")
                    .append(
                            settings.notFoundHandling() == NotFoundHandling.NONE
                                    ? "."
                                    : settings.navigationPrefersAssets()
                                            ? "; navigation requests (Sec-Fetch-Mode: navigate) still get not_found_handling at this"
                                                    + " compatibility date."
                                            : "; not_found_handling never applies before the Worker at this compatibility date"
                                                    + " (navigation requests get it from "
                                                    + PreviewSettings.NAVIGATION_FLAG_DATE + ").");
        }
        return TerminalText.escape(note.toString());
    }

    private static String modes(PreviewSettings settings, String configuredDate) {
        return "html_handling " + settings.htmlHandling().value() + ", not_found_handling "
                + settings.notFoundHandling().value() + ", compatibility date "
                + (configuredDate == null ? "not set" : configuredDate);
    }
}
