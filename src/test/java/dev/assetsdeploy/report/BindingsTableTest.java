package dev.assetsdeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import dev.assetsdeploy.config.ConfigLoader;
import dev.assetsdeploy.config.ConfigOverrides;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.recorded.RecordedExchange;
import dev.assetsdeploy.recorded.RecordedPart;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bindings table, line for line as wrangler 4.164 printed it in each recording (trailing spaces included). */
class BindingsTableTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t01-bindings-core-dry",
                "t01-bindings-core-new",
                "t02-bindings-more-new",
                "t03-vars-new",
                "t11-draft-bindings-existing",
                "t12-inherit-from-settings-existing",
                "bindings-redeploy-existing"
            })
    void theTableIsWranglers(String name) {
        Recording recording = Recording.load(name);
        Path project = recording.writeProject(dir);
        DeployConfig config = new ConfigLoader(project)
                .load(ConfigOverrides.NONE, Requirements.NONE)
                .config();
        boolean dryRun = recording.wranglerArgs().contains("--dry-run");
        List<BindingsTable.Row> rows =
                BindingsTable.rows(config.bindings(), inherited(recording, config), config.hasWorkerCode());
        assertEquals(
                wranglersTable(recording.stdout()),
                String.join("\n", BindingsTable.lines(rows, config.settings(), dryRun)));
    }

    /** The names wrangler sent as {@code inherit}, the required secrets aside (the table does not list them). */
    private static Set<String> inherited(Recording recording, DeployConfig config) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordedExchange request : recording.requests()) {
            if (request.parts() == null) {
                continue;
            }
            for (RecordedPart part : request.parts()) {
                if (part.json() != null && part.json().getAsJsonObject().get("bindings") != null) {
                    for (JsonElement binding : part.json().getAsJsonObject().getAsJsonArray("bindings")) {
                        if (binding.getAsJsonObject().get("type").getAsString().equals("inherit")) {
                            names.add(binding.getAsJsonObject().get("name").getAsString());
                        }
                    }
                }
            }
        }
        names.removeAll(config.bindings().requiredSecrets());
        return names;
    }

    /** From wrangler's title line to the end of its tail consumers (or of the table). */
    private static String wranglersTable(String stdout) {
        List<String> lines = stdout.lines().toList();
        int start = lines.indexOf("Your Worker has access to the following bindings:");
        List<String> table = new ArrayList<>();
        boolean consumers = false;
        for (String line : lines.subList(start, lines.size())) {
            if (line.equals("Your Worker is sending Tail events to the following Workers:")) {
                consumers = true;
            } else if (consumers && !line.startsWith("- ")) {
                break;
            } else if (!consumers
                    && !table.isEmpty()
                    && table.get(table.size() - 1).isEmpty()) {
                break;
            }
            // wrangler prints a tab in a value raw; we show it escaped, two characters where it had one
            table.add(line.contains("\t") ? line.replace("\t", "\\t").replaceFirst("\\)  ", ") ") : line);
        }
        return String.join("\n", table);
    }
}
