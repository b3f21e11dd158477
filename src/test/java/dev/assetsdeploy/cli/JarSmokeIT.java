package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fixtures.WranglerFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user runs it: {@code java -jar target/assets-deploy.jar ...}. */
class JarSmokeIT {

    private record Run(int code, String out, String err) {}

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return runIn(workDir, "C.UTF-8", args);
    }

    /** The jar with LC_ALL={@code locale}, which decides how the JVM decodes file names and arguments. */
    private static Run runIn(Path workDir, String locale, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target/assets-deploy.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "build the jar first: mvn package");
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout");
        Path err = workDir.resolve("stderr");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("LC_ALL", locale);
        pb.environment().remove("GITHUB_ACTIONS");
        pb.environment().put("XDG_CACHE_HOME", workDir.resolve("cache").toString()); // not the caller's hash cache
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the jar finished");
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void versionComesFromTheBuild(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s).*\\d+\\.\\d+\\.\\d+.*"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpShowsTheExitCodeTable(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:"), r.out());
        for (String code : List.of("0", "1", "2", "3", "4", "5", "6", "130", "143")) {
            assertTrue(
                    r.out().lines().anyMatch(l -> l.strip().startsWith(code + " ")),
                    "code " + code + " in\n" + r.out());
        }
        assertTrue(r.out().contains("manifest"), r.out());
    }

    @Test
    void manifestOfTheCompatFixtureIsWhatWranglerSent(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "manifest", "--json", WranglerFixtures.COMPAT_SITE.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonObject expected = JsonParser.parseString(Files.readString(WranglerFixtures.COMPAT_EXPECTED))
                .getAsJsonObject()
                .getAsJsonObject("manifest");
        JsonObject manifest = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("manifest");
        assertEquals(expected.keySet(), manifest.keySet());
        for (String path : expected.keySet()) {
            assertEquals(
                    expected.getAsJsonObject(path).get("hash"),
                    manifest.getAsJsonObject(path).get("hash"),
                    path);
            assertEquals(
                    expected.getAsJsonObject(path).get("size"),
                    manifest.getAsJsonObject(path).get("size"),
                    path);
        }
    }

    @Test
    void aMissingFolderExits3WithOneLine(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "manifest", tmp.resolve("missing").toString());
        assertEquals(3, r.code());
        assertEquals("", r.out());
        assertEquals("error: assets folder " + tmp.resolve("missing") + " does not exist: check the path\n", r.err());
    }

    @Test
    void anUnknownFlagExits2(@TempDir Path tmp) throws Exception {
        Run r = run(tmp, "manifest", "--nope", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: Unknown option: '--nope'"), r.err());
    }

    /** Under LC_ALL=C the JVM cannot decode a UTF-8 name (JDK 17 decodes names in the locale's charset). */
    @Test
    void aUtf8NameUnderTheCLocaleIsOneLineNamingTheFileAndTheFix(@TempDir Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("café.html"), "café");
        Run r = runIn(tmp, "C", "manifest", site.toString());
        assertEquals(3, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: the name of " + site + "/caf"), r.err());
        assertTrue(
                r.err()
                        .endsWith(".html cannot be read in this locale (file names decode as ANSI_X3.4-1968):"
                                + " run with LC_ALL=C.UTF-8, or start it with bin/assets-deploy, which does\n"),
                r.err());
    }

    @Test
    void aUtf8ArgumentUnderTheCLocaleIsOneLineNamingItAndTheFix(@TempDir Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("dé"));
        Files.writeString(site.resolve("index.html"), "home");
        Run r = runIn(tmp, "C", "manifest", site.toString());
        assertEquals(3, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: cannot use the path '" + tmp + "/d"), r.err());
        assertTrue(
                r.err()
                        .endsWith("' in this locale (file names decode as ANSI_X3.4-1968): run with LC_ALL=C.UTF-8,"
                                + " or start it with bin/assets-deploy, which does\n"),
                r.err());
    }
}
