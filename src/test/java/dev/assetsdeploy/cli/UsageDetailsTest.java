package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small things a user trips on: one message prefix, flags that contradict, warnings known before the plan. */
class UsageDetailsTest extends ProjectTest {

    @Test
    void picocliMessagesGetOurPrefixOnce() {
        assertEquals(2, run("deploy", "--config", config(), "--assets-token-file", "t", "--keep-assets"));
        assertEquals(
                "error: --assets-token-file=FILE, --keep-assets are mutually exclusive (specify only one)",
                err.lines().findFirst().orElseThrow());
        assertEquals(2, run("deploy", "--config", config()));
        assertEquals(
                "error: Missing required argument (specify one of these): (--assets-token-file=FILE | --keep-assets)",
                err.lines().findFirst().orElseThrow());
    }

    @Test
    void quietWithVerboseIsAUsageError() {
        for (List<String> flags : List.of(List.of("-q", "-v"), List.of("--verbose", "--quiet"), List.of("-qv"))) {
            String[] args = new String[2 + flags.size()];
            args[0] = "manifest";
            args[1] = site.toString();
            for (int i = 0; i < flags.size(); i++) {
                args[2 + i] = flags.get(i);
            }
            assertEquals(2, run(args), flags.toString());
            assertEquals(
                    "error: --quiet and --verbose contradict each other: choose one",
                    err.lines().findFirst().orElseThrow());
            assertEquals("", out);
        }
    }

    @Test
    void dryRunWithStrictFailsBeforePrintingThePlan() throws IOException {
        Files.writeString(site.resolve(".env"), "SECRET=1");
        assertEquals(3, run("all", "--config", config(), "--dry-run", "--strict"));
        assertEquals("", out);
        assertTrue(err.startsWith("warning: /.env looks private"), err);
        assertTrue(
                err.endsWith("error: 1 warning with --strict: fix them (see above), or run without --strict\n"), err);
    }

    @Test
    void aRedirectsLineOverTheDocumentedThousandCharactersIsAWarning() throws IOException {
        String atLimit = "/a" + "x".repeat(1000 - "/a /b 301".length()) + " /b 301";
        String overLimit = "/c" + "x".repeat(1001 - "/c /d 301".length()) + " /d 301";
        assertEquals(1000, atLimit.length());
        assertEquals(1001, overLimit.length());
        Files.writeString(site.resolve("_redirects"), atLimit + "\n" + overLimit + "\n");
        assertEquals(0, run("all", "--config", config(), "--dry-run"), err);
        assertEquals(
                List.of("warning: " + site.resolve("_redirects")
                        + ":2: the line is 1,001 characters long, over the 1,000 that Cloudflare documents for a"
                        + " redirect (wrangler and wrangler dev still accept it): shorten it"),
                err.lines().filter(l -> l.startsWith("warning: ")).toList());
    }
}
