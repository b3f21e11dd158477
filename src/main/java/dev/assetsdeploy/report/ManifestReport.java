package dev.assetsdeploy.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.ShortList;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.manifest.HashCacheUse;
import dev.assetsdeploy.manifest.IgnoredFile;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestEntry;
import dev.assetsdeploy.manifest.ManifestWarning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** A manifest for people (text, names escaped for the terminal) and for scripts (JSON, names as they are). */
public final class ManifestReport {

    private static final int LARGEST = 5;

    private ManifestReport() {}

    public static void printText(Manifest m, boolean verbose, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%s: %,d files, %s (%,d bytes)%n",
                TerminalText.escape(m.root().toString()),
                m.fileCount(),
                Sizes.human(m.totalBytes()),
                m.totalBytes());
        if (m.fileCount() > 0) {
            out.println();
            out.println("Largest files:");
            for (ManifestEntry e : m.largest(LARGEST)) {
                out.printf(Locale.ROOT, "  %10s  %s%n", Sizes.human(e.size()), TerminalText.escape(e.path()));
            }
        }
        if (!m.ignored().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Ignored (%d):%n", m.ignored().size());
            List<String> paths =
                    m.ignored().stream().map(i -> TerminalText.escape(i.path())).toList();
            int width = paths.stream().mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < paths.size(); i++) {
                out.printf(
                        Locale.ROOT,
                        "  %-" + width + "s  %s%n",
                        paths.get(i),
                        TerminalText.escape(m.ignored().get(i).rule()));
            }
        }
        if (!m.warnings().isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "Warnings (%d):%n", m.warnings().size());
            List<String> messages =
                    m.warnings().stream().map(ManifestWarning::message).toList();
            for (String message : ShortList.of(messages, " (every one in --json)")) {
                out.println("  " + TerminalText.escape(message));
            }
        }
        if (verbose) {
            out.println();
            out.println(cacheLine(m));
        }
        if (verbose && m.fileCount() > 0) {
            out.println();
            out.println("Files:");
            List<String> paths =
                    m.entries().stream().map(e -> TerminalText.escape(e.path())).toList();
            int width = paths.stream().mapToInt(String::length).max().orElse(0);
            for (int i = 0; i < paths.size(); i++) {
                ManifestEntry e = m.entries().get(i);
                out.printf(
                        Locale.ROOT,
                        "  %-" + width + "s  %,12d  %s  %s%n",
                        paths.get(i),
                        e.size(),
                        e.hash(),
                        e.wireContentType());
            }
        }
        out.flush();
    }

    /** "Hash cache: 19,990 of 20,000 hashes from FILE", or why there was none; escaped for a terminal. */
    public static String cacheLine(Manifest m) {
        HashCacheUse cache = m.cache();
        if (cache.file() == null) {
            return "Hash cache: off (" + TerminalText.escape(cache.off()) + ")";
        }
        return String.format(
                Locale.ROOT,
                "Hash cache: %,d of %,d hashes from %s",
                cache.hits(),
                m.fileCount(),
                TerminalText.escape(cache.file().toString()));
    }

    /**
     * Writes the same document as {@link #json} straight to {@code out}, pretty-printed: for
     * 20,000 files this is several MB, and building the tree first doubled the time.
     */
    public static void writeJson(Manifest m, Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("  ");
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("manifest").beginObject();
        for (ManifestEntry e : m.entries()) {
            w.name(e.path())
                    .beginObject()
                    .name("hash")
                    .value(e.hash())
                    .name("size")
                    .value(e.size())
                    .endObject();
        }
        w.endObject();
        w.name("files").beginArray();
        for (ManifestEntry e : m.entries()) {
            w.beginObject()
                    .name("path")
                    .value(e.path())
                    .name("hash")
                    .value(e.hash())
                    .name("size")
                    .value(e.size())
                    .name("contentType")
                    .value(e.wireContentType())
                    .endObject();
        }
        w.endArray();
        w.name("ignored").beginArray();
        for (IgnoredFile i : m.ignored()) {
            w.beginObject()
                    .name("path")
                    .value(i.path())
                    .name("rule")
                    .value(i.rule())
                    .endObject();
        }
        w.endArray();
        w.name("warnings");
        Json.gson().toJson(warningsJson(m), w);
        w.name("totals")
                .beginObject()
                .name("files")
                .value(m.fileCount())
                .name("bytes")
                .value(m.totalBytes())
                .name("ignored")
                .value(m.ignored().size())
                .name("warnings")
                .value(m.warnings().size())
                .endObject();
        w.endObject();
        w.flush();
    }

    /** The document of {@link #writeJson} as a tree (the dry run embeds it). */
    public static JsonObject json(Manifest m) {
        StringWriter text = new StringWriter();
        try {
            writeJson(m, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return JsonParser.parseString(text.toString()).getAsJsonObject();
    }

    public static JsonArray warningsJson(Manifest m) {
        JsonArray warnings = new JsonArray();
        for (ManifestWarning w : m.warnings()) {
            JsonObject o = new JsonObject();
            o.addProperty("code", w.code().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.addProperty("path", w.path());
            o.addProperty("message", w.message());
            warnings.add(o);
        }
        return warnings;
    }
}
