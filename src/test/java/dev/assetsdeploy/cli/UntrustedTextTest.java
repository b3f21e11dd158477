package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strings from outside (file names, {@code _headers} text, server answers) reach a terminal or a CI log
 * escaped: real files with hostile names in a temporary folder, a server on 127.0.0.1 with hostile answers.
 * On Linux a file name may hold any byte but {@code /} and NUL.
 */
class UntrustedTextTest extends ProjectTest {

    /** A file name that forges a GitHub Actions workflow command if printed raw. */
    static final String FORGED_COMMAND = ".env\n::error title=X::forged";

    static final String TERMINAL_CODES = "bell\u0007esc\u001b[31mred";
    static final String BIDI = "report\u202etxt.exe";

    @BeforeEach
    void hostileNames() throws IOException {
        Files.writeString(site.resolve(FORGED_COMMAND), "x");
        Files.writeString(site.resolve(TERMINAL_CODES), "x");
        Files.writeString(site.resolve(BIDI), "x");
    }

    /** Nothing a terminal or a log would act on: no control character but the line breaks, no forged command. */
    static void assertSafeForTerminalAndLog(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e;
            if (control) {
                fail(String.format("U+%04X at %d in:%n%s", (int) c, i, text));
            }
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("::") && !line.startsWith("::error::")) {
                fail("a forged workflow command: " + line);
            }
        }
    }

    @Test
    void manifestReportShowsHostileNamesEscaped() {
        assertEquals(0, run("manifest", site.toString()), err);
        assertSafeForTerminalAndLog(out + err);
        assertTrue(out.contains("  /.env\\n::error title=X::forged\n"), out);
        assertTrue(out.contains("  /bell\\x07esc\\e[31mred\n"), out);
        assertTrue(out.contains("  /report\\u202etxt.exe\n"), out);
        assertTrue(out.contains("Warnings (1):\n  /.env\\n::error title=X::forged looks private"), out);
    }

    @Test
    void manifestJsonHoldsTheNamesJsonEscapedOnly() {
        assertEquals(0, run("manifest", "--json", site.toString()), err);
        assertTrue(out.contains("\"/.env\\n::error title=X::forged\""), out);
        assertTrue(out.contains("\"/bell\\u0007esc\\u001b[31mred\""), out);
        JsonObject manifest = JsonParser.parseString(out).getAsJsonObject().getAsJsonObject("manifest");
        assertTrue(manifest.has("/" + FORGED_COMMAND), manifest.keySet().toString());
        assertTrue(manifest.has("/" + TERMINAL_CODES), manifest.keySet().toString());
        assertTrue(manifest.has("/" + BIDI), manifest.keySet().toString());
    }

    @Test
    void warningsAndTheDryRunShowHostileTextEscaped() throws IOException {
        Files.writeString(site.resolve("_headers"), "x-title: \u001b]0;owned\u0007\n");
        assertEquals(0, run("all", "--config", config(), "--dry-run"), err);
        assertSafeForTerminalAndLog(out + err);
        assertTrue(err.contains("warning: /.env\\n::error title=X::forged looks private and would be published"), err);
        assertTrue(err.contains("Path should come before header (x-title: \\e]0;owned\\x07)\n"), err);
        assertTrue(out.contains("  /bell\\x07esc\\e[31mred\n"), out);
    }

    @Test
    void previewExplainShowsHeaderRulesAndNamesEscaped() throws IOException {
        Files.writeString(site.resolve("_headers"), "/*\n  X-Note: \u001b[2J\u202eevil\n");
        assertEquals(0, run("preview", "--config", config(), "--explain", "/bell%07esc%1B%5B31mred"), err);
        assertSafeForTerminalAndLog(out + err);
        assertTrue(out.contains("  header    x-note: \\e[2J\\u202eevil\n"), out);
        assertTrue(out.contains("  asset     /bell\\x07esc\\e[31mred ("), out);
    }

    /** The request log quotes what a client sent: a target with ESC and BEL bytes, read off the socket as sent. */
    @Test
    void thePreviewRequestLogShowsARequestTargetEscaped() throws Exception {
        java.util.concurrent.CompletableFuture<Runnable> stop = new java.util.concurrent.CompletableFuture<>();
        CliRun.Running running = CliRun.start(
                Environment.of(Map.of()).withShutdown(stop::complete), "preview", "--config", config(), "--port", "0");
        Runnable ctrlC = stop.get(60, java.util.concurrent.TimeUnit.SECONDS);
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/")
                .matcher(running.errSoFar());
        assertTrue(address.find(), running.errSoFar());
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", Integer.parseInt(address.group(1)))) {
            socket.getOutputStream()
                    .write("GET /x\u001b[2J\u0007 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.UTF_8));
            assertTrue(
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).startsWith("HTTP/1.1 "));
        }
        ctrlC.run();
        CliRun run = running.await();
        assertEquals(0, run.code(), run.err());
        assertSafeForTerminalAndLog(run.err());
        assertTrue(run.err().contains("\nGET /x\\e[2J\\x07 404"), run.err());
    }

    @Test
    void anErrorNamingAHostileFileIsEscapedAndItsAnnotationGithubEscaped() throws IOException {
        String name = "100%25 " + FORGED_COMMAND + "\r\u001b[2J";
        Files.createSymbolicLink(site.resolve(name), dir.resolve("nowhere"));
        env.put("GITHUB_ACTIONS", "true");
        assertEquals(3, run("manifest", site.toString()));
        assertSafeForTerminalAndLog(out + err);
        List<String> lines = err.lines().toList();
        assertEquals(2, lines.size(), err);
        assertTrue(
                lines.get(0).startsWith("error: /100%25 .env\\n::error title=X::forged\\r\\e[2J is a broken link"),
                err);
        assertTrue(
                lines.get(1).startsWith("::error::/100%2525 .env\\n::error title=X::forged\\r\\e[2J is a broken link"),
                err);
    }

    /** The stack trace quotes the message too (and a trace is what a user pastes into a bug report from CI). */
    @Test
    void theStackTraceOfAnErrorNamingAHostileFileIsEscapedToo() throws IOException {
        Files.createSymbolicLink(site.resolve(FORGED_COMMAND + "\u001b[2J"), dir.resolve("nowhere"));
        assertEquals(3, run("manifest", site.toString(), "--stacktrace"));
        assertSafeForTerminalAndLog(out + err.replace("\n\tat ", "\n    at "));
        assertTrue(
                err.contains(
                        "\ndev.assetsdeploy.AssetsDeployException: /.env\\n::error title=X::forged\\e[2J is a broken"),
                err);
        assertTrue(err.contains("\n\tat dev.assetsdeploy.manifest.ManifestBuilder."), err);
    }

    @Test
    void serverMessagesAreEscapedInErrorsAndAnnotations() {
        WireMockServer wm = server();
        wm.stubFor(
                put(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withHeader("cf-ray", "8f00\u001b[2J-AMS")
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10021,"
                                                        + "\"message\":\"bad\\u001b[2J\\r::error::forged 100%0A\"}],\"messages\":[],\"result\":null}")));
        env.put("GITHUB_ACTIONS", "true");
        assertEquals(5, run("deploy", "--config", config(), "--keep-assets"));
        assertSafeForTerminalAndLog(out + err);
        assertTrue(err.contains("10021: bad\\e[2J\\r::error::forged 100%0A"), err);
        assertTrue(err.contains("cf-ray 8f00\\e[2J-AMS"), err);
        assertTrue(err.contains("\n::error::deploy Worker: ") && err.contains("forged 100%250A"), err);
    }

    @Test
    void githubOutputsAndSummaryHoldHostileServerValuesSafely() throws IOException {
        WireMockServer wm = server();
        wm.stubFor(put(anyUrl())
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"site\","
                        + "\"etag\":\"e`|x\\n### owned\",\"deployment_id\":\"v1\\nuploaded=999\\u001b[2J\"}}")));
        Path outputs = dir.resolve("gh-output");
        Path summary = dir.resolve("gh-summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertEquals(0, run("deploy", "--config", config(), "--keep-assets"), err);

        assertSafeForTerminalAndLog(out + err);
        assertTrue(out.contains("  version id: v1\\nuploaded=999\\e[2J\n"), out);
        assertEquals(
                Map.of(
                        "version-id",
                        "v1\nuploaded=999\u001b[2J",
                        "url",
                        "https://site.acme.workers.dev",
                        "urls",
                        "[\"https://site.acme.workers.dev\"]"),
                readOutputsAsGithubDoes(Files.readString(outputs, StandardCharsets.UTF_8)));
        List<String> md =
                Files.readString(summary, StandardCharsets.UTF_8).lines().toList();
        assertTrue(md.contains("| Version | `v1\\nuploaded=999\\e[2J` |"), md.toString());
        assertTrue(md.contains("| ETag | `` e`\\|x\\n### owned `` |"), md.toString());
        assertTrue(md.stream().noneMatch(l -> l.startsWith("### owned")), md.toString());
    }

    /**
     * The runner's reading of a {@code $GITHUB_OUTPUT} file: {@code name=value} lines, and
     * {@code name<<DELIMITER} ... {@code DELIMITER} for a value with line breaks.
     */
    static Map<String, String> readOutputsAsGithubDoes(String file) {
        Map<String, String> outputs = new LinkedHashMap<>();
        List<String> lines = List.of(file.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                continue;
            }
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                for (; !lines.get(j).equals(delimiter); j++) {
                    value.append(j > i + 1 ? "\n" : "").append(lines.get(j));
                }
                outputs.put(line.substring(0, heredoc), value.toString());
                i = j;
            } else {
                outputs.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return outputs;
    }

    private final List<WireMockServer> servers = new java.util.ArrayList<>();

    WireMockServer server() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        servers.add(wm);
        env.put("CLOUDFLARE_API_TOKEN", "token");
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
        env.put("CLOUDFLARE_API_BASE_URL", wm.baseUrl() + "/client/v4");
        // the reads before the upload find no Worker: a new Worker is PUT
        NoWorkerYet.stub(wm);
        return wm;
    }

    @AfterEach
    void stopServers() {
        servers.forEach(WireMockServer::stop);
    }
}
