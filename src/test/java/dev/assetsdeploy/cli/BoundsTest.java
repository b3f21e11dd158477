package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Pathological input meets a bound and one line with a documented exit code, never the JVM's limits. */
class BoundsTest {

    @TempDir
    Path dir;

    Path site;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void site() throws IOException {
        site = Files.createDirectories(dir.resolve("public"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(site.resolve(".env"), "SECRET=1");
        env.put("CLOUDFLARE_API_TOKEN", "token");
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
    }

    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    Path config(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    void assertOneErrorLine(String expected) {
        assertEquals("error: " + expected + "\n", err);
    }

    /** One line naming the config (relative to the working folder, so its end) and what is wrong. */
    void assertOneErrorLineEndingWith(String expected) {
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: ") && err.endsWith(expected + "\n"), err);
    }

    @Test
    void aWranglerTomlNestedAThousandDeepIsOneLine() throws IOException {
        Path toml = config("wrangler.toml", "name = \"site\"\nx = " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        assertEquals(3, run("all", site.toString(), "--config", toml.toString(), "--dry-run"));
        assertOneErrorLineEndingWith(
                "/wrangler.toml:2:69: nested more than 64 levels deep (a wrangler config needs a few):"
                        + " is this the file you meant?");
    }

    @Test
    void inlineTablesAndDottedKeysAreBoundedToo() throws IOException {
        Path inline = config("wrangler.toml", "x = " + "{a = ".repeat(1000) + "1" + "}".repeat(1000) + "\n");
        assertEquals(3, run("all", site.toString(), "--config", inline.toString(), "--dry-run"));
        assertOneErrorLineEndingWith(
                "/wrangler.toml:1:325: nested more than 64 levels deep (a wrangler config needs a few):"
                        + " is this the file you meant?");
        Path dotted = config("wrangler.toml", String.join(".", java.util.Collections.nCopies(20_000, "a")) + " = 1\n");
        assertEquals(3, run("all", site.toString(), "--config", dotted.toString(), "--dry-run"));
        assertOneErrorLineEndingWith(
                "/wrangler.toml: a.a.a... nested more than 64 levels deep (a wrangler config needs a few):"
                        + " is this the file you meant?");
    }

    @Test
    void aWranglerJsonNestedAThousandDeepIsOneLine() throws IOException {
        Path json = config("wrangler.json", "{\"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}");
        assertEquals(3, run("all", site.toString(), "--config", json.toString(), "--dry-run"));
        assertOneErrorLineEndingWith(
                "/wrangler.json:1:70: nested more than 64 levels deep (a wrangler config needs a few):"
                        + " is this the file you meant?");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anEndlessTokenFileIsReadOnlyAsFarAsABound() {
        assertEquals(
                3,
                run(
                        "deploy",
                        site.toString(),
                        "--script",
                        "site",
                        "--compatibility-date",
                        "2025-01-01",
                        "--assets-token-file",
                        "/dev/zero"));
        assertOneErrorLine("--assets-token-file /dev/zero: more than 16 KiB, so not a completion token"
                + " (a token is under 4 KiB): give the file `assets-deploy upload DIR --token-out FILE` wrote");
    }

    @Test
    void aMalformedApiBaseUrlIsAUsageErrorBeforeAnyWork() {
        for (List<String> command : List.of(
                List.of("all", site.toString(), "--script", "site", "--compatibility-date", "2025-01-01"),
                List.of("all", site.toString(), "--script", "site", "--compatibility-date", "2025-01-01", "--dry-run"),
                List.of("upload", site.toString(), "--script", "site"),
                List.of(
                        "deploy",
                        site.toString(),
                        "--script",
                        "site",
                        "--compatibility-date",
                        "2025-01-01",
                        "--keep-assets"))) {
            for (String url :
                    List.of("https://exa mple.com/client/v4", "ftp://example.com", "https://", "api.cloudflare.com")) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--api-base-url", url));
                assertEquals(2, run(args.toArray(String[]::new)), command + " " + url + ": " + err);
                assertTrue(
                        err.startsWith("error: --api-base-url '" + url + "' is not an API base URL like "
                                + "https://api.cloudflare.com/client/v4"),
                        err);
                assertTrue(!err.contains("warning:"), "nothing was read before: " + err);
            }
        }
    }

    @Test
    void aMalformedApiBaseUrlInTheEnvironmentIsInvalidInput() {
        env.put("CLOUDFLARE_API_BASE_URL", "https://exa mple.com");
        assertEquals(3, run("upload", site.toString(), "--script", "site"));
        assertTrue(
                err.startsWith("error: CLOUDFLARE_API_BASE_URL 'https://exa mple.com' is not an API base URL like "
                        + "https://api.cloudflare.com/client/v4"),
                err);
    }

    @Test
    void plainHttpToAnotherMachineIsAWarning() {
        assertEquals(
                3,
                run(
                        "all",
                        site.toString(),
                        "--script",
                        "site",
                        "--compatibility-date",
                        "2025-01-01",
                        "--dry-run",
                        "--api-base-url",
                        "http://api.example.com/client/v4",
                        "--strict"));
        assertTrue(
                err.startsWith("warning: --api-base-url http://api.example.com/client/v4 is plain HTTP to another"
                        + " machine: the API token would cross the network unencrypted; use https://\n"),
                err);
        for (String local : List.of("http://127.0.0.1:8080/client/v4", "http://localhost:1/x", "http://[::1]:9/x")) {
            run(
                    "all",
                    site.toString(),
                    "--script",
                    "site",
                    "--compatibility-date",
                    "2025-01-01",
                    "--dry-run",
                    "--api-base-url",
                    local);
            assertTrue(!err.contains("plain HTTP"), local + ": " + err);
        }
    }
}
