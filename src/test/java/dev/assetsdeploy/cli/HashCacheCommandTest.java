package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.manifest.AssetHasher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash cache as the commands use it, against the fake API: where it is kept, what {@code --verbose} says, that
 * edits made to fool it are deployed with their new content, and that its troubles are warnings only.
 */
class HashCacheCommandTest {

    private static final Pattern FROM_CACHE = Pattern.compile("(?i)hash cache: (\\d+) of (\\d+) hashes from (\\S+)");

    @TempDir
    Path tmp;

    final FakeApiCli cli = new FakeApiCli();
    final FakeCloudflareApi api = cli.api;
    final Map<String, String> env = cli.env;
    Path site;
    Path cacheHome;
    String out;
    String err;

    @BeforeEach
    void start() throws Exception {
        site = Files.createDirectories(tmp.resolve("site/css")).getParent().toRealPath();
        Files.writeString(site.resolve("index.html"), "<h1>one</h1>");
        Files.writeString(site.resolve("about.html"), "<h1>about</h1>");
        Files.writeString(site.resolve("css/app.css"), "body{color:red}");
        cacheHome = tmp.resolve("xdg-cache");
        env.put("XDG_CACHE_HOME", cacheHome.toString());
        // The racy rule distrusts a file changed within a clock tick of the run that cached it; these
        // files were just written, so let a few ticks pass: the first run's entries are then trusted.
        Thread.sleep(150);
    }

    @AfterEach
    void stop() {
        cli.close();
    }

    int run(String... args) {
        int code = cli.run(args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    int deploy(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--verbose"));
        args.addAll(List.of(extra));
        int code = cli.deploy(site, "cached", args.toArray(String[]::new));
        out = cli.out;
        err = cli.err;
        return code;
    }

    /** How many hashes --verbose says came from the cache, and from which file. */
    Matcher fromCache(String text) {
        Matcher m = FROM_CACHE.matcher(text);
        assertTrue(m.find(), text);
        return m;
    }

    String hashOf(String name, String content) {
        return AssetHasher.hash(content.getBytes(StandardCharsets.UTF_8), name);
    }

    @Test
    void manifestVerboseSaysHowManyHashesCameFromTheCacheKeptUnderXdgCacheHome() {
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        Matcher first = fromCache(out);
        assertEquals("0", first.group(1));
        assertEquals("3", first.group(2));
        Path file = Path.of(first.group(3));
        assertEquals(cacheHome.resolve("assets-deploy"), file.getParent());
        assertTrue(Files.isRegularFile(file));
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        assertEquals("3", fromCache(out).group(1));
        assertEquals("", err);
        assertEquals(0, run("manifest", site.toString()));
        assertFalse(out.contains("Hash cache"), "only --verbose tells: " + out);
    }

    @Test
    void withoutXdgCacheHomeTheCacheIsUnderHome() {
        env.remove("XDG_CACHE_HOME");
        env.put("HOME", tmp.resolve("home").toString());
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        assertEquals(
                tmp.resolve("home/.cache/assets-deploy"),
                Path.of(fromCache(out).group(3)).getParent());
        env.put("XDG_CACHE_HOME", "relative/cache"); // the XDG spec: relative paths are ignored
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        assertEquals(
                tmp.resolve("home/.cache/assets-deploy"),
                Path.of(fromCache(out).group(3)).getParent());
    }

    @Test
    void cacheDirAndNoCacheChooseOrTurnItOff() throws IOException {
        Path chosen = tmp.resolve("chosen");
        assertEquals(0, run("manifest", "--verbose", "--cache-dir", chosen.toString(), site.toString()), err);
        assertEquals(chosen, Path.of(fromCache(out).group(3)).getParent());

        assertEquals(0, run("manifest", "--verbose", "--no-cache", site.toString()), err);
        assertTrue(out.contains("Hash cache: off (--no-cache)"), out);
        assertFalse(Files.exists(cacheHome));

        env.remove("XDG_CACHE_HOME");
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        assertTrue(out.contains("Hash cache: off (neither XDG_CACHE_HOME nor HOME is set"), out);

        assertEquals(ExitCodes.USAGE, run("manifest", "--no-cache", "--cache-dir", chosen.toString(), site.toString()));
        assertTrue(err.contains("--cache-dir and --no-cache exclude each other"), err);
    }

    @Test
    void aFileEditedWithTheSameSizeAndItsOldModificationTimePutBackIsDeployedWithItsNewContent() throws IOException {
        assertEquals(0, deploy(), err);
        assertEquals("0", fromCache(err).group(1));
        Path index = site.resolve("index.html");
        FileTime mtime = Files.getLastModifiedTime(index);
        Files.writeString(index, "<h1>two</h1>");
        Files.setLastModifiedTime(index, mtime);

        assertEquals(0, deploy(), err);
        assertEquals("2", fromCache(err).group(1), "the two untouched files came from the cache");
        assertTrue(
                api.storedHashes().contains(hashOf("index.html", "<h1>two</h1>")),
                api.storedHashes().toString());
        assertEquals(List.of(), api.problems());
    }

    @Test
    void aFileReplacedByARenameIsDeployedWithItsNewContent() throws IOException {
        assertEquals(0, deploy(), err);
        Path css = site.resolve("css/app.css");
        FileTime mtime = Files.getLastModifiedTime(css);
        Path replacement = Files.writeString(tmp.resolve("app.css.new"), "body{color:blu}");
        Files.setLastModifiedTime(replacement, mtime);
        Files.move(replacement, css, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertEquals(0, deploy(), err);
        assertEquals("2", fromCache(err).group(1));
        assertTrue(api.storedHashes().contains(hashOf("app.css", "body{color:blu}")));
    }

    @Test
    void aChangedFileIsUploadedAgainAndNothingElse() throws IOException {
        assertEquals(0, deploy("--json"), err);
        int requests = api.uploadRequests();
        Files.writeString(site.resolve("about.html"), "<h1>about us</h1>");
        assertEquals(0, deploy("--json"), err);
        assertEquals("2", fromCache(err).group(1));
        assertEquals(requests + 1, api.uploadRequests());
        assertTrue(api.storedHashes().contains(hashOf("about.html", "<h1>about us</h1>")));
        assertEquals(
                1,
                com.google.gson.JsonParser.parseString(out)
                        .getAsJsonObject()
                        .getAsJsonObject("assets")
                        .get("uploaded")
                        .getAsInt(),
                out);
    }

    @Test
    void aCacheFolderInsideTheAssetsFolderIsNeverUsedNorPublished() throws IOException {
        env.put("XDG_CACHE_HOME", site.resolve(".cache").toString());
        assertEquals(0, deploy("--strict"), err);
        assertTrue(
                err.contains("warning: the hash cache folder " + site.resolve(".cache/assets-deploy")
                        + " is inside the assets folder"),
                err);
        assertEquals(0, deploy("--strict"), err);
        assertFalse(Files.exists(site.resolve(".cache")), "nothing written into the assets folder");
        assertEquals(3, api.storedHashes().size());
    }

    @Test
    void aDamagedCacheIsAWarningThatStrictDoesNotCount() throws IOException {
        assertEquals(0, run("manifest", "--verbose", site.toString()), err);
        Path file = Path.of(fromCache(out).group(3));
        Files.writeString(file, "damaged");
        assertEquals(0, deploy("--strict"), err);
        assertEquals(1, err.lines().filter(l -> l.startsWith("warning: ")).count(), err);
        assertTrue(err.contains("warning: the hash cache " + file + " is not a hash cache of assets-deploy"), err);
        assertEquals(3, api.storedHashes().size());
        assertEquals(0, deploy("--strict"), err);
        assertFalse(err.contains("warning"), "written anew: " + err);
        assertEquals("3", fromCache(err).group(1));
    }

    @Test
    void aCacheFolderThatCannotBeWrittenIsAWarningAndTheDeployGoesOn() throws IOException {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        assertEquals(
                0, deploy("--strict", "--cache-dir", notAFolder.resolve("cache").toString()), err);
        assertTrue(err.contains("warning: cannot write the hash cache in " + notAFolder.resolve("cache")), err);
        assertEquals(3, api.storedHashes().size());
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")));
        }
    }
}
