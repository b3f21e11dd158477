package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PreviewCommandTest {

    @TempDir
    Path project;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void site() throws IOException {
        Path pub = Files.createDirectories(project.resolve("public/about"));
        Files.writeString(pub.resolve("index.html"), "about");
        Files.writeString(project.resolve("public/index.html"), "home");
        Files.writeString(project.resolve("public/_redirects"), "/old /about/ 301\n/broken /x 999\n");
        Files.writeString(project.resolve("public/_headers"), "/about/*\n  X-About: yes\n");
        Files.writeString(project.resolve("wrangler.json"), """
                {"name": "site", "compatibility_date": "2025-03-01",
                 "assets": {"directory": "./public", "not_found_handling": "single-page-application"}}
                """);
    }

    private int run(String... args) {
        CommandLine cl = AssetsDeploy.newCommandLine(Environment.of(Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return AssetsDeploy.execute(cl, args);
    }

    @Test
    void explainsOneRequestWithTheConfigsSettings() {
        int code = run("preview", "--config", project.resolve("wrangler.json").toString(), "--explain", "/about");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("GET /about\n"), text);
        assertTrue(text.contains("  status    307\n  location  /about/\n"), text);
        assertTrue(text.contains("  header    Location: /about/\n"), text);
        assertTrue(text.contains("html_handling: auto-trailing-slash: redirect to /about/ (the canonical URL of /about/index.html)"), text);
        assertTrue(text.contains("not_found_handling single-page-application, compatibility date 2025-03-01"), text);
        assertTrue(err.toString().contains("warning: " + project.resolve("public/_redirects") + ":2: Valid status codes"),
                err.toString());
    }

    @Test
    void flagsOverrideTheConfigAndJsonAnswersForScripts() {
        int code = run("preview", project.resolve("public").toString(), "--config", project.resolve("wrangler.json").toString(),
                "--html-handling", "drop-trailing-slash", "--explain", "/about/?x=1", "--json");
        assertEquals(0, code, err.toString());
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        assertEquals(307, json.get("status").getAsInt());
        assertEquals("/about?x=1", json.get("location").getAsString());
        assertTrue(err.toString().startsWith("warning: "), "warnings go to stderr, stdout stays JSON: " + err);
    }

    @Test
    void saysWhenTheWorkerWouldAnswer() throws IOException {
        Files.writeString(project.resolve("worker.js"), "export default {}");
        int code = run("preview", "--config", project.resolve("wrangler.json").toString(), "--main", "worker.js",
                "--explain", "/app/route", "--header", "Sec-Fetch-Mode: navigate");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("goes to the Worker"), out.toString());
        assertTrue(out.toString().contains("not_found_handling never comes before the Worker at compatibility date 2025-03-01"), out.toString());
    }

    @Test
    void strictTurnsRuleFileWarningsIntoErrors() {
        int code = run("preview", "--config", project.resolve("wrangler.json").toString(), "--explain", "/", "--strict");
        assertEquals(ExitCodes.INVALID_INPUT, code);
        assertTrue(err.toString().contains("_redirects:2: Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 999."),
                err.toString());
        assertEquals("", out.toString());
    }
}
