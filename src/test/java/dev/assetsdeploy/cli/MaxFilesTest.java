package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-files defaults to the paid plans' 100,000; above the Free plan's 20,000 a warning says the API decides. */
class MaxFilesTest {

    @TempDir
    static Path site;

    @BeforeAll
    static void twentyThousandAndOneFiles() throws IOException {
        for (int d = 0; d < 21; d++) {
            Path folder = Files.createDirectories(site.resolve("d" + d));
            for (int f = 0; f < 1000 && d * 1000 + f <= 20_000; f++) {
                Files.writeString(folder.resolve(f + ".txt"), d + "/" + f);
            }
        }
    }

    @Test
    void moreThanTheFreePlansFilesIsAWarningNotARefusal() {
        CliRun run = CliRun.execute(Map.of(), "manifest", "--json", site.toString());
        assertEquals(0, run.code(), run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(20_001, doc.getAsJsonObject("totals").get("files").getAsInt());
        JsonObject warning = doc.getAsJsonArray("warnings").get(0).getAsJsonObject();
        assertEquals("free-plan-file-limit", warning.get("code").getAsString());
        assertEquals(
                "20,001 files: more than the 20,000 a Worker version may have on the Free plan (paid plans: 100,000);"
                        + " the API has the last word. Pass --max-files to say how many your plan allows, and this"
                        + " warning goes",
                warning.get("message").getAsString());
    }

    @Test
    void anExplicitMaxFilesSilencesTheWarning() {
        CliRun run = CliRun.execute(Map.of(), "manifest", "--json", "--max-files", "100000", site.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(
                0,
                JsonParser.parseString(run.out())
                        .getAsJsonObject()
                        .getAsJsonArray("warnings")
                        .size());
    }

    @Test
    void aLowerMaxFilesStillRefusesBeforeReading() {
        CliRun run = CliRun.execute(Map.of(), "manifest", "--max-files", "20000", site.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("has 20,001 files, over the limit of 20,000 (--max-files)"), run.err());
    }

    @Test
    void theHelpSaysTheDefault() {
        CliRun run = CliRun.execute(Map.of(), "manifest", "--help");
        assertTrue(run.out().contains("default: 100000"), run.out());
        assertFalse(run.out().contains("default: 20000"), run.out());
    }
}
