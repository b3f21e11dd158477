package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.config.Route;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.Trigger;
import dev.assetsdeploy.live.TriggerFailure;
import dev.assetsdeploy.live.TriggerPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The triggers phase for people and scripts: where the Worker answers (each target as wrangler 4.164 prints it), the
 * same as JSON, the requests a dry run would make, and the message of a phase that did not apply whole.
 */
public final class TriggersReport {

    private TriggersReport() {}

    /** What {@code triggers} prints: a headline, then the targets. */
    public static void printApplied(String scriptName, LiveResult result, PrintWriter out) {
        out.println("Applied the triggers of Worker " + TerminalText.escape(scriptName));
        printText(result, out);
        out.flush();
    }

    /** {@code triggers --json}: the Worker, its URLs, its triggers, the time taken. */
    public static JsonObject appliedJson(String scriptName, LiveResult result, long elapsedMs) {
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", scriptName);
        doc.add("urls", urls(result));
        doc.add("triggers", json(result));
        doc.addProperty("elapsedMs", elapsedMs);
        return doc;
    }

    /** {@code Triggers:} and one line per target, as wrangler lists them ({@code https://} only for workers.dev). */
    public static void printText(LiveResult result, PrintWriter out) {
        if (result.triggers().isEmpty()) {
            out.println("Triggers: none (no workers.dev, route, custom domain or schedule)");
            return;
        }
        out.println("Triggers:");
        for (Trigger trigger : result.triggers()) {
            out.println("  " + TerminalText.escape(text(trigger)));
        }
    }

    /** wrangler's target line: {@code https://site.acme.workers.dev}, {@code renderRoute(route)}, {@code schedule: CRON}. */
    public static String text(Trigger trigger) {
        if (trigger instanceof Trigger.ZoneRoute r) {
            return render(r.route());
        }
        if (trigger instanceof Trigger.CustomDomain d) {
            return render(d.route());
        }
        if (trigger instanceof Trigger.Schedule s) {
            return "schedule: " + s.cron();
        }
        return trigger.url();
    }

    /** wrangler's {@code renderRoute}. */
    static String render(Route route) {
        StringBuilder text = new StringBuilder(route.pattern());
        if (route.customDomain()) {
            text.append(
                    route.zoneId() != null
                            ? " (custom domain - zone id: " + route.zoneId() + ")"
                            : route.zoneName() != null
                                    ? " (custom domain - zone name: " + route.zoneName() + ")"
                                    : " (custom domain)");
            List<String> flags = new ArrayList<>();
            if (route.enabled() != null) {
                flags.add(route.enabled() ? "production: enabled" : "production: disabled");
            }
            if (route.previewsEnabled() != null) {
                flags.add(route.previewsEnabled() ? "previews: enabled" : "previews: disabled");
            }
            if (!flags.isEmpty()) {
                text.append(" [").append(String.join(", ", flags)).append(']');
            }
        } else if (route.zoneId() != null) {
            text.append(" (zone id: ").append(route.zoneId()).append(')');
        } else if (route.zoneName() != null) {
            text.append(" (zone name: ").append(route.zoneName()).append(')');
        }
        return text.toString();
    }

    /** The URLs the Worker answers on. */
    public static JsonArray urls(LiveResult result) {
        JsonArray urls = new JsonArray();
        result.urls().forEach(urls::add);
        return urls;
    }

    /** One object per trigger: {@code type} ({@code workersDev}, {@code route}, {@code customDomain}, {@code schedule}). */
    public static JsonArray json(LiveResult result) {
        JsonArray triggers = new JsonArray();
        for (Trigger trigger : result.triggers()) {
            JsonObject item = new JsonObject();
            if (trigger instanceof Trigger.ZoneRoute r) {
                item.addProperty("type", "route");
                item.addProperty("pattern", r.route().pattern());
                item.addProperty("zoneName", r.route().zoneName());
                item.addProperty("zoneId", r.route().zoneId());
            } else if (trigger instanceof Trigger.CustomDomain d) {
                item.addProperty("type", "customDomain");
                item.addProperty("hostname", d.route().pattern());
            } else if (trigger instanceof Trigger.Schedule s) {
                item.addProperty("type", "schedule");
                item.addProperty("cron", s.cron());
            } else {
                item.addProperty("type", "workersDev");
            }
            if (!(trigger instanceof Trigger.Schedule)) {
                item.addProperty("url", trigger.url());
            }
            triggers.add(item);
        }
        return triggers;
    }

    /**
     * The exit-5 message of a phase that did not apply whole, one line each: what is deployed (when {@code versionId}
     * is given: after {@code deploy}/{@code all}), each part that failed and why, what was not tried, what did apply,
     * and the command that applies the rest.
     */
    public static List<String> incomplete(
            String scriptName, String versionId, LiveResult result, String finishCommand) {
        List<String> lines = new ArrayList<>();
        lines.add(
                versionId != null
                        ? "Worker " + scriptName + " is deployed (version " + versionId
                                + "), but not all of its triggers were applied:"
                        : "Not all triggers of Worker " + scriptName + " were applied:");
        for (TriggerFailure failure : result.failures()) {
            lines.add("  " + failure.part() + ": " + (failure.request() == null ? "" : failure.request() + ": ")
                    + failure.reason());
        }
        if (!result.notAttempted().isEmpty()) {
            lines.add("  not tried: " + String.join(", ", result.notAttempted()));
        }
        if (!result.triggers().isEmpty()) {
            lines.add("  applied: "
                    + String.join(
                            ", ",
                            result.triggers().stream().map(TriggersReport::text).toList()));
        }
        lines.add("What applied stays applied. To " + (versionId != null ? "finish" : "try again") + ", run: "
                + finishCommand);
        return lines;
    }

    /** The requests of the phase a dry run would make, one per line: method, path, body (and when it depends). */
    public static void printPlan(List<TriggerPlan.PlannedRequest> requests, PrintWriter out) {
        out.println("Triggers:");
        for (TriggerPlan.PlannedRequest request : requests) {
            out.println(TerminalText.escape("  " + request.method() + " " + request.path()
                    + (request.body() == null ? "" : " " + Json.compact(request.body()))
                    + (request.when() == null ? "" : "  (" + request.when() + ")")));
        }
    }

    public static JsonArray planJson(List<TriggerPlan.PlannedRequest> requests) {
        JsonArray out = new JsonArray();
        for (TriggerPlan.PlannedRequest request : requests) {
            JsonObject item = new JsonObject();
            item.addProperty("method", request.method());
            item.addProperty("path", request.path());
            item.add("body", request.body());
            item.addProperty("when", request.when());
            out.add(item);
        }
        return out;
    }
}
