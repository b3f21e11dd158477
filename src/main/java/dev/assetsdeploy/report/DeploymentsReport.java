package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.versions.Deployment;
import dev.assetsdeploy.versions.TrafficShare;
import dev.assetsdeploy.versions.WorkerVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code deployments list} and {@code deployments status}: each deployment with its traffic, each version of it named
 * by number, tag and message when the API still has it ({@code versions} holds those it has).
 */
public final class DeploymentsReport {

    private DeploymentsReport() {}

    public static void printList(
            String scriptName, List<Deployment> newestFirst, Map<String, WorkerVersion> versions, PrintWriter out) {
        if (newestFirst.isEmpty()) {
            out.println("Worker " + scriptName + " has no deployments.");
        } else {
            out.println("Deployments of Worker " + scriptName + ", newest first:");
            for (Deployment deployment : newestFirst) {
                out.println();
                block(deployment, versions).print(out);
            }
        }
        out.flush();
    }

    public static JsonObject listJson(
            String scriptName, List<Deployment> newestFirst, Map<String, WorkerVersion> versions) {
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", scriptName);
        JsonArray list = new JsonArray();
        newestFirst.forEach(d -> list.add(json(d, versions)));
        doc.add("deployments", list);
        return doc;
    }

    /** {@code current} {@code null}: the Worker has none. */
    public static void printStatus(
            String scriptName, Deployment current, Map<String, WorkerVersion> versions, PrintWriter out) {
        if (current == null) {
            out.println("Worker " + scriptName + " has no deployments.");
        } else {
            out.println("Current deployment of Worker " + scriptName + ":");
            out.println();
            block(current, versions).print(out);
        }
        out.flush();
    }

    public static JsonObject statusJson(String scriptName, Deployment current, Map<String, WorkerVersion> versions) {
        JsonObject doc = new JsonObject();
        doc.addProperty("worker", scriptName);
        doc.add("deployment", current == null ? null : json(current, versions));
        return doc;
    }

    private static LabelledLines block(Deployment d, Map<String, WorkerVersion> versions) {
        return new LabelledLines()
                .add("Deployment", TerminalText.escape(d.id()))
                .add("Created", VersionsReport.time(d.createdOn()))
                .add("Author", TerminalText.escape(d.authorEmail()))
                .add("Source", VersionsReport.source(d.triggeredBy(), d.source()))
                .add("Message", TerminalText.escape(d.message()))
                .add("Traffic", traffic(d, versions));
    }

    /** One line per version: {@code 90 % 3333... (#3, tag v1.2.2, "fix header")}. */
    static List<String> traffic(Deployment d, Map<String, WorkerVersion> versions) {
        List<String> lines = new ArrayList<>();
        for (TrafficShare share : d.versions()) {
            StringBuilder line =
                    new StringBuilder(share.percentText() + " % " + TerminalText.escape(share.versionId()));
            WorkerVersion v = versions.get(share.versionId());
            List<String> about = new ArrayList<>();
            if (v != null && v.number() != null) {
                about.add("#" + v.number());
            }
            if (v != null && v.tag() != null) {
                about.add("tag " + TerminalText.escape(v.tag()));
            }
            if (v != null && v.message() != null && !v.message().isEmpty()) {
                about.add(Json.quote(v.message()));
            }
            if (!about.isEmpty()) {
                line.append(" (").append(String.join(", ", about)).append(')');
            }
            lines.add(line.toString());
        }
        return lines;
    }

    static JsonObject json(Deployment d, Map<String, WorkerVersion> versions) {
        JsonObject json = new JsonObject();
        json.addProperty("id", d.id());
        json.addProperty("created", VersionsReport.instant(d.createdOn()));
        json.addProperty("author", d.authorEmail());
        json.addProperty("source", d.source());
        json.addProperty("triggeredBy", d.triggeredBy());
        json.addProperty("message", d.message());
        JsonArray traffic = new JsonArray();
        for (TrafficShare share : d.versions()) {
            WorkerVersion v = versions.get(share.versionId());
            JsonObject entry = v == null ? new JsonObject() : VersionsReport.json(v);
            entry.addProperty("id", share.versionId());
            entry.addProperty("percentage", share.percentNumber());
            traffic.add(entry);
        }
        json.add("versions", traffic);
        return json;
    }
}
