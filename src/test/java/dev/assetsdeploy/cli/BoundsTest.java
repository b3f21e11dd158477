package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Pathological input meets a bound and one line with a documented exit code, never the JVM's limits. */
class BoundsTest extends ProjectTest {

    @BeforeEach
    void credentialsAndAWarning() throws IOException {
        Files.writeString(site.resolve(".env"), "SECRET=1");
        env.put("CLOUDFLARE_API_TOKEN", "token");
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
    }

    Path config(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    void assertOneErrorLine(String expected) {
        assertEquals("error: " + expected + "\n", err);
    }

    /**
     * {@code all --dry-run} with {@code config} fails with one line naming the config (relative to the
     * working folder, so its end) and {@code where} it nests too deep.
     */
    void assertTooDeep(Path config, String where) {
        assertEquals(3, run("all", site.toString(), "--config", config.toString(), "--dry-run"));
        assertEquals(1, err.lines().count(), err);
        String expected = where + " nested more than 64 levels deep (a wrangler config needs a few):"
                + " is this the file you meant?\n";
        assertTrue(err.startsWith("error: ") && err.endsWith(expected), err);
    }

    @Test
    void aWranglerTomlNestedAThousandDeepIsOneLine() throws IOException {
        assertTooDeep(
                config("wrangler.toml", "name = \"site\"\nx = " + "[".repeat(1000) + "]".repeat(1000) + "\n"),
                "/wrangler.toml:2:69:");
    }

    @Test
    void inlineTablesAndDottedKeysAreBoundedToo() throws IOException {
        assertTooDeep(
                config("wrangler.toml", "x = " + "{a = ".repeat(1000) + "1" + "}".repeat(1000) + "\n"),
                "/wrangler.toml:1:325:");
        assertTooDeep(
                config("wrangler.toml", String.join(".", java.util.Collections.nCopies(20_000, "a")) + " = 1\n"),
                "/wrangler.toml: a.a.a...");
    }

    @Test
    void aWranglerJsonNestedAThousandDeepIsOneLine() throws IOException {
        assertTooDeep(
                config("wrangler.json", "{\"x\": " + "[".repeat(1000) + "]".repeat(1000) + "}"),
                "/wrangler.json:1:70:");
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
                        "--keep-assets"),
                List.of("versions", "list", "--script", "site"),
                List.of("deployments", "status", "--script", "site"),
                List.of("rollback", "--script", "site"))) {
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
    void aPortOutOfRangeIsAUsageErrorToo() {
        String url = "https://api.cloudflare.com:99999/client/v4";
        assertEquals(2, run("upload", site.toString(), "--script", "site", "--api-base-url", url), err);
        assertTrue(
                err.startsWith("error: --api-base-url '" + url + "' is not an API base URL like "
                        + "https://api.cloudflare.com/client/v4: port 99999 is not between 1 and 65535\n"),
                err);
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

    /** {@code all --dry-run} of the project with {@code --api-base-url url}, and {@code more}. */
    int dryRunWithBaseUrl(String url, String... more) {
        List<String> args =
                new java.util.ArrayList<>(List.of("all", "--config", config(), "--dry-run", "--api-base-url", url));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void plainHttpToAnotherMachineIsAWarning() {
        assertEquals(3, dryRunWithBaseUrl("http://api.example.com/client/v4", "--strict"));
        assertTrue(
                err.startsWith("warning: --api-base-url http://api.example.com/client/v4 is plain HTTP to another"
                        + " machine: the API token would cross the network unencrypted; use https://\n"),
                err);
        for (String local : List.of("http://127.0.0.1:8080/client/v4", "http://localhost:1/x", "http://[::1]:9/x")) {
            assertEquals(0, dryRunWithBaseUrl(local), err);
            assertTrue(!err.contains("plain HTTP"), local + ": " + err);
        }
    }
}
