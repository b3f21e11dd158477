package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A list of problems shows its first 20 and how many more there are, however long it is. */
class LongListsTest extends ProjectTest {

    static int count(String text, String part) {
        return (int)
                Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    @Test
    void aThousandBrokenLinksAreOneLineWithTheFirstTwenty() throws IOException {
        for (int i = 0; i < 1000; i++) {
            Files.createSymbolicLink(site.resolve(String.format("link%04d", i)), dir.resolve("nowhere"));
        }
        assertEquals(3, run("manifest", site.toString()));
        assertEquals(1, err.lines().count(), err);
        assertEquals(20, count(err, " is a broken link"), err);
        assertTrue(err.contains("/link0019 is a broken link"), err);
        assertTrue(err.endsWith("; ... and 980 more\n"), err);
    }

    @Test
    void tenThousandBadRedirectsLinesAreTwentyWarningsAndACount() throws IOException {
        Files.writeString(site.resolve("_redirects"), "bad\n".repeat(10_000));
        assertEquals(0, run("all", "--config", config(), "--dry-run"), err);
        List<String> warnings =
                err.lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(21, warnings.size(), err);
        assertTrue(warnings.get(19).contains("_redirects:20: Expected exactly 2 or 3"), warnings.get(19));
        assertEquals("warning: ... and 9,980 more", warnings.get(20));
    }

    @Test
    void strictCountsEveryWarningNotOnlyTheOnesShown() throws IOException {
        Files.writeString(site.resolve("_redirects"), "bad\n".repeat(10_000));
        assertEquals(3, run("all", "--config", config(), "--dry-run", "--strict"));
        assertTrue(err.contains("\nerror: 10000 warnings with --strict: fix them"), err);
    }

    @Test
    void theManifestReportShowsTwentyWarnings() throws IOException {
        for (int i = 0; i < 30; i++) {
            Files.writeString(site.resolve(".env." + i), "SECRET=x");
        }
        assertEquals(0, run("manifest", site.toString()), err);
        assertTrue(out.contains("Warnings (30):\n"), out);
        assertEquals(20, count(out, " looks private and would be published"), out);
        assertTrue(out.contains("\n  ... and 10 more (every one in --json)\n"), out);
    }

    @Test
    void aServerAnswerWithAThousandErrorsShowsTwenty() {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try {
            StringBuilder errors = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                errors.append(i == 0 ? "" : ",")
                        .append("{\"code\":")
                        .append(20000 + i)
                        .append(",\"message\":\"no\"}");
            }
            wm.stubFor(any(anyUrl())
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"success\":false,\"errors\":[" + errors
                                    + "],\"messages\":[],\"result\":null}")));
            env.put("CLOUDFLARE_API_TOKEN", "token");
            env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
            env.put("CLOUDFLARE_API_BASE_URL", wm.baseUrl() + "/client/v4");
            assertEquals(5, run("deploy", "--config", config(), "--keep-assets"));
            assertEquals(1, err.lines().count(), err);
            assertEquals(20, count(err, ": no"), err);
            assertTrue(err.contains("20019: no; ... and 980 more"), err);
        } finally {
            wm.stop();
        }
    }
}
