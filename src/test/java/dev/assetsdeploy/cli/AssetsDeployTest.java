package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command: which subcommands a run builds, the bare form, version and help. */
class AssetsDeployTest {

    private static List<String> built(String... args) {
        return List.copyOf(AssetsDeploy.newCommandLineFor(Environment.of(Map.of()), args)
                .getSubcommands()
                .keySet());
    }

    @Test
    void aRunBuildsOnlyTheCommandItRuns() {
        assertEquals(List.of(), built("--version"));
        assertEquals(List.of("manifest"), built("manifest", "public"));
        assertEquals(List.of("preview"), built("--stacktrace", "preview", "--explain", "/"));
        assertEquals(List.of("all"), built("./public", "--script", "x"));
        assertEquals(List.of("all"), built("--dry-run"));
        assertEquals(List.of("versions"), built("versions", "list"));
        List<String> every = List.of(
                "all", "manifest", "upload", "deploy", "triggers", "preview", "versions", "deployments", "rollback");
        assertEquals(every, built("--help"));
        assertEquals(every, built());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = CliRun.execute(Map.of(), "--version");
        assertEquals(0, run.code());
        assertEquals("assets-deploy " + VersionProvider.version() + System.lineSeparator(), run.out());
    }

    @Test
    void helpListsEveryCommandAndTheExitCodes() {
        CliRun run = CliRun.execute(Map.of(), "--help");
        assertEquals(0, run.code());
        for (String command : AssetsDeploy.SUBCOMMANDS.keySet()) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " missing from:\n" + run.out());
        }
        for (String line :
                List.of("6 +Network failure after retries\\.", "130 +Interrupted \\(Ctrl\\+C, SIGINT\\).*")) {
            assertTrue(run.out().lines().anyMatch(l -> l.strip().matches(line)), line + " in:\n" + run.out());
        }
    }

    @Test
    void theBareFormIsAll(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.html"), "<h1>hi</h1>");
        CliRun run = CliRun.execute(
                Map.of(), dir.toString(), "--script", "my-site", "--compatibility-date", "2025-01-01", "--dry-run");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Dry run: nothing was uploaded or deployed."), run.out());
        assertTrue(run.out().contains("/workers/scripts/my-site"), run.out());
    }

    @Test
    void stacktraceBeforeTheBareFormStillRunsAll(@TempDir Path dir) {
        CliRun run = CliRun.execute(
                Map.of(),
                "--stacktrace",
                dir.resolve("missing").toString(),
                "--script",
                "s",
                "--compatibility-date",
                "2025-01-01",
                "--dry-run");
        assertEquals(ExitCodes.INVALID_INPUT, run.code());
        assertTrue(run.err().contains("there is no such folder"), run.err());
        assertTrue(run.err().contains("at dev.assetsdeploy"), "--stacktrace prints the trace:\n" + run.err());
    }
}
