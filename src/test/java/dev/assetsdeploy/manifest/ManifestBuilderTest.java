package dev.assetsdeploy.manifest;

import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static dev.assetsdeploy.manifest.Fixtures.sparse;
import static dev.assetsdeploy.manifest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestBuilderTest {

    @TempDir
    Path dir;

    private Manifest build() {
        return new ManifestBuilder(ManifestBuilder.DEFAULT_MAX_FILES, 2).build(dir);
    }

    private AssetsDeployException buildFails() {
        AssetsDeployException e = assertThrows(AssetsDeployException.class, this::build);
        assertEquals(Kind.INVALID_INPUT, e.kind());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    /** /proc/self/mem: stat says a 0-byte regular file, and reading it fails, even for root. */
    private Path linkToUnreadableFile(String name) throws IOException {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.isRegularFile(mem), "needs Linux /proc");
        try (InputStream in = Files.newInputStream(mem)) {
            in.read();
            assumeTrue(false, "/proc/self/mem is readable here");
        } catch (IOException expected) {
            // the point
        }
        return Files.createSymbolicLink(dir.resolve(name), mem);
    }

    @Nested
    class Limits {

        @Test
        void tooManyFilesFailsBeforeAnyFileIsRead() throws IOException {
            write(dir, "a.txt", "a");
            write(dir, "b.txt", "b");
            linkToUnreadableFile("c.bin");
            // Hashing would fail on c.bin ("cannot read"): the count must stop the build first.
            assertFailsContaining(
                    Kind.INVALID_INPUT,
                    () -> new ManifestBuilder(2, 1).build(dir),
                    "has 3 files, over the limit of 2 (--max-files)");
        }

        @Test
        void theUnreadableFileIsIndeedReadWhenUnderTheLimit() throws IOException {
            write(dir, "a.txt", "a");
            linkToUnreadableFile("c.bin");
            AssetsDeployException e = assertFailsContaining(
                    Kind.INVALID_INPUT, () -> new ManifestBuilder(2, 1).build(dir), "cannot read /c.bin (");
            assertTrue(e.getMessage().startsWith("cannot read /c.bin ("), e.getMessage());
        }

        @Test
        void exactlyTheLimitPasses() throws IOException {
            write(dir, "a.txt", "a");
            write(dir, "b.txt", "b");
            assertEquals(2, new ManifestBuilder(2, 1).build(dir).fileCount());
        }

        @Test
        void exactly25MiBPasses() throws IOException {
            sparse(dir, "exact.bin", 25L * 1024 * 1024);
            assertEquals(26_214_400L, build().entry("/exact.bin").orElseThrow().size());
        }

        @Test
        void oneByteOver25MiBFails() throws IOException {
            sparse(dir, "over.bin", 25L * 1024 * 1024 + 1);
            String message = buildFails().getMessage();
            assertTrue(
                    message.startsWith("1 file is over the 25 MiB limit for one asset: /over.bin (25.0 MiB)"), message);
        }

        @Test
        void everyOverSizeFileIsNamedInOneError() throws IOException {
            sparse(dir, "a/big1.bin", 26L * 1024 * 1024);
            sparse(dir, "b/big2.mp4", 30L * 1024 * 1024);
            sparse(dir, "c.iso", 1L << 32);
            write(dir, "small.txt", "ok");
            String message = buildFails().getMessage();
            assertTrue(
                    message.startsWith("3 files are over the 25 MiB limit for one asset: "
                            + "/a/big1.bin (26.0 MiB), /b/big2.mp4 (30.0 MiB), /c.iso (4.0 GiB)"),
                    message);
        }
    }

    @Nested
    class Symlinks {

        @Test
        void aLinkToAFileIsFollowedUnderTheLinksPathAndExtension() throws IOException {
            Path target = write(dir, "data/real.bin", "console.log(1)");
            Files.createSymbolicLink(dir.resolve("app.js"), target);
            ManifestEntry link = build().entry("/app.js").orElseThrow();
            assertEquals(AssetHasher.hash("console.log(1)".getBytes(StandardCharsets.UTF_8), "app.js"), link.hash());
            assertEquals(14, link.size());
            assertEquals("text/javascript; charset=utf-8", link.contentType());
        }

        @Test
        void aRelativeLinkInsideTheFolderGivesNoWarning() throws IOException {
            write(dir, "a.txt", "a");
            Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));
            Manifest m = build();
            assertEquals(2, m.fileCount());
            assertEquals(List.of(), m.warnings());
        }

        @Test
        void aLinkOutsideTheFolderIsWarnedAboutWithItsTarget(@TempDir Path elsewhere) throws IOException {
            Path outside = write(elsewhere, "secret.txt", "s");
            Files.createSymbolicLink(dir.resolve("s.txt"), outside);
            Manifest m = build();
            assertTrue(m.entry("/s.txt").isPresent());
            ManifestWarning w = m.warnings().get(0);
            assertEquals(ManifestWarning.Code.LINK_OUTSIDE_FOLDER, w.code());
            assertTrue(w.message().contains("/s.txt links to " + outside.toRealPath()), w.message());
        }

        @Test
        void aBrokenLinkIsAnErrorNamingIt() throws IOException {
            Files.createSymbolicLink(dir.resolve("gone.css"), Path.of("missing/style.css"));
            String message = buildFails().getMessage();
            assertTrue(message.startsWith("/gone.css is a broken link (to missing/style.css)"), message);
        }

        @Test
        void aBrokenLinkThatIsIgnoredIsNoError() throws IOException {
            Files.writeString(dir.resolve(".assetsignore"), "gone.css\n");
            Files.createSymbolicLink(dir.resolve("gone.css"), Path.of("missing/style.css"));
            assertEquals(0, build().fileCount());
        }

        @Test
        void aLinkedFolderIsNotEnteredAndTheReportSaysSo() throws IOException {
            Path real = dir.resolve("real");
            write(dir, "real/page.html", "p");
            Files.createSymbolicLink(dir.resolve("mirror"), real);
            Manifest m = build();
            assertEquals(
                    List.of("/real/page.html"),
                    m.entries().stream().map(ManifestEntry::path).toList());
            ManifestWarning w = m.warnings().get(0);
            assertEquals(ManifestWarning.Code.LINKED_FOLDER_SKIPPED, w.code());
            assertTrue(
                    w.message().startsWith("/mirror links to the folder " + real + ", which is not entered"),
                    w.message());
        }
    }

    @Nested
    class WorkerJsGuard {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                value = {
                    "_worker.js|a file",
                    "_worker.js/index.js|a folder",
                    "_worker.jsx|a name starting with it",
                },
                delimiter = '|')
        void refusedWithoutAnAssetsignore(String path, String what) throws IOException {
            write(dir, path, "export default {}");
            String message = buildFails().getMessage();
            assertTrue(message.startsWith("/" + path + " would publish Pages server code as an asset:"), message);
        }

        @Test
        void anEmptyAssetsignorePublishesItOnPurpose() throws IOException {
            write(dir, "_worker.js", "export default {}");
            write(dir, ".assetsignore", "");
            assertTrue(build().entry("/_worker.js").isPresent());
        }

        @ParameterizedTest
        @CsvSource({"_worker.js", "_worker.js/"})
        void anAssetsignoreLineLeavesItOut(String line) throws IOException {
            write(dir, "_worker.js/index.js", "export default {}");
            write(dir, ".assetsignore", line + "\n");
            assertEquals(0, build().fileCount());
        }

        @Test
        void onlyAtTheRoot() throws IOException {
            write(dir, "sub/_worker.js", "x");
            assertTrue(build().entry("/sub/_worker.js").isPresent());
        }
    }

    @Nested
    class SensitiveFileWarnings {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                value = {
                    ".env|/.env|.env*",
                    ".env.production|/.env.production|.env*",
                    "app/.env.local|/app/.env.local|.env*",
                    ".dev.vars|/.dev.vars|.dev.vars*",
                    ".git/config|/.git/|.git/",
                    "lib/node_modules/x/index.js|/lib/node_modules/|node_modules/",
                    "wrangler.toml|/wrangler.toml|wrangler.toml",
                    "wrangler.json|/wrangler.json|wrangler.json",
                    "conf/wrangler.jsonc|/conf/wrangler.jsonc|wrangler.jsonc",
                    "certs/server.pem|/certs/server.pem|*.pem",
                    "KEY.PEM|/KEY.PEM|*.pem",
                    "id_rsa|/id_rsa|id_rsa*",
                    ".ssh/id_rsa.pub|/.ssh/id_rsa.pub|id_rsa*",
                },
                delimiter = '|')
        void namedWithTheLineThatLeavesItOut(String file, String reported, String line) throws IOException {
            write(dir, file, "x");
            write(dir, "index.html", "<p>");
            List<ManifestWarning> warnings = build().warnings();
            assertEquals(1, warnings.size(), warnings.toString());
            assertEquals(ManifestWarning.Code.SENSITIVE_FILE, warnings.get(0).code());
            assertEquals(reported, warnings.get(0).path());
            assertEquals(
                    reported + " looks private and would be published: add the line '" + line
                            + "' to .assetsignore to leave it out",
                    warnings.get(0).message());

            write(dir, ".assetsignore", line + "\n");
            Manifest fixed = build();
            assertEquals(List.of(), fixed.warnings(), "the suggested line works");
            assertEquals(
                    List.of("/index.html"),
                    fixed.entries().stream().map(ManifestEntry::path).toList());
        }

        @Test
        void aFolderIsReportedOnceAndEachFileSeparately() throws IOException {
            write(dir, "node_modules/a/index.js", "x");
            write(dir, "node_modules/b/index.js", "x");
            write(dir, ".env", "x");
            write(dir, "deep/.env", "x");
            assertEquals(
                    List.of("/.env", "/deep/.env", "/node_modules/"),
                    build().warnings().stream().map(ManifestWarning::path).toList());
        }

        @Test
        void ordinaryLookalikesAreNotWarnedAbout() throws IOException {
            write(dir, "environment.txt", "x");
            write(dir, "wrangler.toml.example", "x");
            write(dir, "pem.txt", "x");
            write(dir, "docs/node_modules.md", "x");
            assertEquals(List.of(), build().warnings());
        }
    }

    @Nested
    class Errors {

        @Test
        void missingFolder() {
            assertFails(
                    Kind.INVALID_INPUT,
                    "assets folder " + dir.resolve("nope") + " does not exist: check the path",
                    () -> new ManifestBuilder().build(dir.resolve("nope")));
        }

        @Test
        void aFileGivenAsTheFolder() throws IOException {
            Path file = write(dir, "index.html", "x");
            assertFails(
                    Kind.INVALID_INPUT,
                    "assets folder " + file + " is a file, not a folder: give the folder that holds"
                            + " your static files",
                    () -> new ManifestBuilder().build(file));
        }

        @Test
        void anUnreadableFileWithoutPermission() throws IOException {
            Path file = write(dir, "locked.txt", "x");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
            assumeTrue(!Files.isReadable(file), "runs as root: permissions do not stop reading");
            assertEquals(
                    "cannot read /locked.txt (permission denied): fix the permissions or leave the files out"
                            + " with .assetsignore",
                    buildFails().getMessage());
        }

        @Test
        void anUnreadableFileEvenForRoot() throws IOException {
            linkToUnreadableFile("mem.bin");
            String message = buildFails().getMessage();
            assertTrue(
                    message.matches("cannot read /mem\\.bin \\(.+\\): fix the permissions or leave the files out"
                            + " with \\.assetsignore"),
                    message);
        }

        @Test
        void assetsignoreThatIsNotUtf8() throws IOException {
            write(dir, ".assetsignore", new byte[] {'a', (byte) 0xff, '\n'});
            assertEquals(
                    dir.resolve(".assetsignore") + " must be UTF-8 text without NUL characters:"
                            + " save it as UTF-8 and try again",
                    buildFails().getMessage());
        }

        @Test
        void assetsignoreWithNul() throws IOException {
            write(dir, ".assetsignore", "a\0b\n");
            assertTrue(buildFails()
                    .getMessage()
                    .endsWith("must be UTF-8 text without NUL characters:" + " save it as UTF-8 and try again"));
        }

        @Test
        void anAssetsignoreLineJavaScriptCannotCompileNamesTheLine() throws IOException {
            write(dir, ".assetsignore", "ok.txt\nfile[\u03b2-\u03b1].txt\n");
            assertEquals(
                    ".assetsignore:2: 'file[\u03b2-\u03b1].txt' is not a pattern wrangler can read"
                            + " (it would crash on it): fix or remove the line",
                    buildFails().getMessage());
        }

        @Test
        void aTopLevelNameOfOnlyDots() throws IOException {
            write(dir, ".../x.txt", "x");
            assertTrue(buildFails()
                    .getMessage()
                    .startsWith("/...: wrangler cannot deploy a top-level name made only of dots"));
        }

        @Test
        void aNameThatIsNotUtf8() throws IOException {
            assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names decode as UTF-8");
            Path bad = dir.resolve(
                    new String(new byte[] {'a', (byte) 0xff, '.', 't', 'x', 't'}, StandardCharsets.ISO_8859_1));
            // Java cannot create a name with invalid UTF-8 bytes itself: let the shell do it.
            try {
                new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'a\\377.txt')\"")
                        .directory(dir.toFile())
                        .inheritIO()
                        .start()
                        .waitFor();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            assumeTrue(bad != null && Files.list(dir).count() == 1, "the shell made the file");
            assertTrue(buildFails()
                    .getMessage()
                    .endsWith("is not valid UTF-8 (wrangler cannot read it either): rename it"));
        }
    }

    @Test
    void ignoredFilesAndFoldersAreReportedWithTheirRule() throws IOException {
        write(dir, ".assetsignore", "# tools\nnode_modules\n*.LOG\n");
        write(dir, "node_modules/x.js", "x");
        write(dir, "logs/debug.log", "x");
        write(dir, "_headers", "/*\n  X: y");
        write(dir, "index.html", "x");
        Manifest m = build();
        assertEquals(
                List.of(
                        new IgnoredFile("/.assetsignore", "always ignored: /.assetsignore"),
                        new IgnoredFile("/_headers", "always ignored: /_headers"),
                        new IgnoredFile("/logs/debug.log", ".assetsignore:3: *.LOG"),
                        new IgnoredFile("/node_modules/", ".assetsignore:2: node_modules")),
                m.ignored());
        assertEquals(
                List.of("/index.html"),
                m.entries().stream().map(ManifestEntry::path).toList());
    }

    @Test
    void namesAreKeptByteForByteWithoutNormalisation() throws IOException {
        String nfd = "cafe\u0301.html";
        write(dir, nfd, "x");
        write(dir, "sp ace/%20.txt", "x");
        assertEquals(
                List.of("/" + nfd, "/sp ace/%20.txt"),
                build().entries().stream().map(ManifestEntry::path).sorted().toList());
    }
}
