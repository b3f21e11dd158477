package dev.assetsdeploy.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.cli.AssetsDeploy;
import dev.assetsdeploy.cli.Environment;
import dev.assetsdeploy.cli.VersionProvider;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fixtures.WranglerFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The packages {@code mvn package} built: their contents, and that their launchers run the tool. */
class DistributionIT {

    private static final String VERSION = VersionProvider.version();
    private static final String BASE = "assets-deploy-" + VERSION + "/";
    private static final Path TARGET = Path.of("target");

    @TempDir
    Path work;

    @Test
    void zipAndTarballHoldLaunchersJarCompletionsManPagesReadmeAndLicense() throws Exception {
        Set<String> zip = zipEntries(TARGET.resolve("assets-deploy-" + VERSION + ".zip"));
        Set<String> tar = tarEntries(TARGET.resolve("assets-deploy-" + VERSION + ".tar.gz"));
        Set<String> expected = new TreeSet<>(
                List.of("bin/assets-deploy", "bin/assets-deploy.cmd", "lib/assets-deploy.jar", "LICENSE"));
        ShipFiles.completions().keySet().forEach(name -> expected.add("completions/" + name));
        expected.add("man/man1/assets-deploy.1");
        addManPages(ShipFiles.commandLine(), expected);
        if (Files.exists(Path.of("README.md"))) {
            expected.add("README.md");
        }
        assertEquals(expected, zip);
        assertEquals(expected, tar);
    }

    /** Java 5 class files cannot go into a class-data-sharing archive; the build recompiles picocli for 17. */
    @Test
    void jarHoldsPicocliAsJava17ClassFiles() throws Exception {
        try (java.util.jar.JarFile jar =
                new java.util.jar.JarFile(TARGET.resolve("assets-deploy.jar").toFile())) {
            for (String name : List.of("picocli/CommandLine.class", "picocli/CommandLine$Model$CommandSpec.class")) {
                try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                    byte[] header = in.readNBytes(8);
                    assertEquals(
                            61, ((header[6] & 0xff) << 8) | (header[7] & 0xff), name + " class file major version");
                }
            }
        }
    }

    @Test
    void packagedCompletionsAreTheCommittedOnes() throws Exception {
        Path home = unzipPortable();
        for (Map.Entry<String, String> script : ShipFiles.completions().entrySet()) {
            assertEquals(
                    script.getValue(),
                    Files.readString(home.resolve("completions").resolve(script.getKey())),
                    script.getKey());
        }
    }

    /** A page for each subcommand, the nested ones ({@code versions list}) too. */
    private static void addManPages(picocli.CommandLine command, Set<String> pages) {
        for (picocli.CommandLine sub : command.getSubcommands().values()) {
            pages.add("man/man1/" + sub.getCommandSpec().qualifiedName("-") + ".1");
            addManPages(sub, pages);
        }
    }

    @Test
    void manPageDocumentsEveryOption() throws Exception {
        Path home = unzipPortable();
        String page = Files.readString(home.resolve("man/man1/assets-deploy-manifest.1"), StandardCharsets.UTF_8);
        assertTrue(page.contains(".TH \"ASSETS\\-DEPLOY\\-MANIFEST\" \"1\""), page.substring(0, 400));
        for (String option : ShipFiles.commandLine()
                .getSubcommands()
                .get("manifest")
                .getCommandSpec()
                .optionsMap()
                .keySet()) {
            if (option.startsWith("--")) {
                assertTrue(page.contains(option.replace("-", "\\-")), "man page lacks " + option);
            }
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void shLauncherRunsOnTheJavaInJavaHome() throws Exception {
        Path home = unzipPortable();
        Shell.Result result = Shell.run(
                work,
                Map.of("JAVA_HOME", System.getProperty("java.home"), "PATH", "/nonexistent"),
                List.of("/bin/sh", home.resolve("bin/assets-deploy").toString(), "--version"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("assets-deploy " + VERSION + "\n", result.out());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void shLauncherExplainsAMissingJava() throws Exception {
        Path home = unzipPortable();
        Shell.Result result = Shell.run(
                work,
                Map.of("PATH", "/nonexistent"),
                List.of("/bin/sh", home.resolve("bin/assets-deploy").toString(), "--version"));
        assertEquals(3, result.exitCode());
        assertTrue(result.err().startsWith("error: no Java found: set JAVA_HOME"), result.err());
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void cmdLauncherRunsOnTheJavaInJavaHome() throws Exception {
        Path home = unzipPortable();
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Shell.Result result = Shell.run(
                work,
                env,
                List.of("cmd.exe", "/c", home.resolve("bin\\assets-deploy.cmd").toString(), "--version"));
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("assets-deploy " + VERSION, result.out().strip());
    }

    /**
     * The launcher makes the JVM decode file names and arguments as UTF-8 whatever the locale (in JDK 17
     * sun.jnu.encoding follows LC_CTYPE, and no -D option changes it): a C or POSIX locale, common in
     * containers, would otherwise make a UTF-8 name unreadable.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void shLauncherReadsUtf8NamesInAnyLocale() throws Exception {
        Path home = unzipPortable();
        Path site = Files.createDirectories(work.resolve("dé"));
        Files.writeString(site.resolve("café.html"), "café");
        Files.writeString(site.resolve("日本語.txt"), "nihongo");
        String expected = inProcess("manifest", "--json", site.toString());
        assertTrue(expected.contains("\"/café.html\""), expected);
        for (Map<String, String> locale : List.of(
                Map.of("LC_ALL", "C"),
                Map.of("LC_ALL", "POSIX", "LANG", "C.UTF-8"),
                Map.of("LANG", "C"),
                Map.of("LC_CTYPE", "C", "LANG", "C.UTF-8"),
                Map.of("LANG", "en_US.ISO-8859-1"))) {
            Map<String, String> env = new java.util.HashMap<>(locale);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("PATH", "/usr/bin:/bin");
            Shell.Result result = Shell.run(
                    work,
                    env,
                    List.of(
                            "/bin/sh",
                            home.resolve("bin/assets-deploy").toString(),
                            "manifest",
                            "--json",
                            site.toString()));
            assertEquals(0, result.exitCode(), locale + ": " + result.err());
            assertEquals(expected, result.out(), locale.toString());
        }
    }

    /**
     * The linux-x64 package runs with no Java installed: no JAVA_HOME, and a PATH that holds no java
     * (only mv, which the launcher uses to keep a Java 17 runtime's class-data-sharing archive).
     */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxPackageRunsOnItsOwnRuntimeWithoutAnyJava() throws Exception {
        Path home = extractLinuxPackage();
        Path bin = Files.createDirectories(work.resolve("path-without-java"));
        Files.createSymbolicLink(bin.resolve("mv"), Shell.find("mv"));
        Map<String, String> noJava = Map.of("PATH", bin.toString());
        String launcher = home.resolve("bin/assets-deploy").toString();

        Shell.Result version = Shell.run(work, noJava, List.of("/bin/sh", launcher, "--version"));
        assertEquals(0, version.exitCode(), version.err());
        assertEquals("assets-deploy " + VERSION + "\n", version.out());
        boolean aot = AotCacheTraining.runtimeFeature(home.resolve("runtime")) >= 25;
        assertEquals(
                !aot,
                Files.isRegularFile(home.resolve("lib/assets-deploy.jsa")),
                "a Java 17 runtime's first run outside CI records the CDS archive; a 25 one has its AOT cache");

        Path site = WranglerFixtures.COMPAT_SITE;
        for (int run = 0; run < 2; run++) { // the second run maps the archive the first one recorded
            Shell.Result manifest =
                    Shell.run(work, noJava, List.of("/bin/sh", launcher, "manifest", "--json", site.toString()));
            assertEquals(0, manifest.exitCode(), manifest.err());
            assertEquals(inProcess("manifest", "--json", site.toString()), manifest.out());
        }
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertEquals(
                    aot
                            ? Set.of("assets-deploy.jar", "assets-deploy.aot")
                            : Set.of("assets-deploy.jar", "assets-deploy.jsa", "assets-deploy.jsa.home"),
                    lib.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        String modules = Files.readAllLines(home.resolve("runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES="))
                .findFirst()
                .orElseThrow();
        assertTrue(modules.contains("jdk.crypto.ec"), modules);
        assertFalse(modules.contains("java.desktop"), "the runtime holds only the modules the jar needs: " + modules);
    }

    /**
     * A package whose runtime is Java 25 or later starts from the AOT cache recorded at package time, wherever
     * it is unpacked: {@code -XX:AOTMode=on} makes a cache the JVM cannot use an error. A jar copied over the
     * packaged one (whose time is not the cache's: Java 25 would run the old classes unchecked) runs without
     * it, and so do options such as {@code -Xshare:off}.
     */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxPackageStartsFromItsAotCacheUntilItsJarIsReplaced() throws Exception {
        Path home = extractLinuxPackage();
        assumeTrue(
                AotCacheTraining.runtimeFeature(home.resolve("runtime")) >= 25,
                "the package's runtime predates AOT caches");
        String launcher = home.resolve("bin/assets-deploy").toString();
        Map<String, String> strict = Map.of("PATH", "/usr/bin:/bin", "JAVA_OPTS", "-XX:AOTMode=on -Xlog:class+load");
        Shell.Result mapped = Shell.run(work, strict, List.of("/bin/sh", launcher, "--version"));
        assertEquals(0, mapped.exitCode(), mapped.err());
        assertTrue(
                mapped.out().contains("dev.assetsdeploy.cli.Main source: shared objects file"),
                "Main comes from the AOT cache");

        // Options that choose class-data sharing, or a collector, themselves would make the JVM refuse to start
        // beside the launcher's own, from any of the variables the JVM reads.
        for (Map.Entry<String, String> options : List.of(
                Map.entry("JAVA_OPTS", "-Xshare:off"),
                Map.entry("JAVA_TOOL_OPTIONS", "-Xshare:off"),
                Map.entry("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=" + work.resolve("none.jsa")),
                Map.entry("JAVA_OPTS", "-XX:DumpLoadedClassList=" + work.resolve("classes.txt")),
                Map.entry("JAVA_OPTS", "-XX:+UseG1GC"))) {
            Shell.Result own = Shell.run(
                    work,
                    Map.of("PATH", "/usr/bin:/bin", "CI", "true", options.getKey(), options.getValue()),
                    List.of("/bin/sh", launcher, "--version"));
            assertEquals(0, own.exitCode(), options + ": " + own.err());
            assertTrue(own.out().endsWith("assets-deploy " + VERSION + "\n"), options + ": " + own.out());
        }

        // The cache carries the jar's time: a jar with another, newer or older, is not the one it was made from.
        Path jar = home.resolve("lib/assets-deploy.jar");
        FileTime recorded = Files.getLastModifiedTime(home.resolve("lib/assets-deploy.aot"));
        assertEquals(recorded, Files.getLastModifiedTime(jar));
        for (long shift : new long[] {60_000, -60_000}) {
            Files.setLastModifiedTime(jar, FileTime.fromMillis(recorded.toMillis() + shift));
            Shell.Result replaced = Shell.run(
                    work,
                    Map.of("PATH", "/usr/bin:/bin", "CI", "true", "JAVA_OPTS", "-Xlog:class+load"),
                    List.of("/bin/sh", launcher, "--version"));
            assertEquals(0, replaced.exitCode(), replaced.err());
            assertEquals("", replaced.err());
            assertTrue(
                    replaced.out().contains("dev.assetsdeploy.cli.Main source: file:"), shift + ": " + replaced.out());
        }
    }

    /**
     * The first run records a Java 17 runtime's class-data archive, and the JVM has things to say about the
     * classes it skips (or maps a Java 25 runtime's AOT cache); none of it reaches the user, and no JVM message
     * ever lands in --json output. A deploy (not --version) loads enough classes for the recording to have
     * something to report.
     */
    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxPackagesFirstRunPrintsNoJvmMessagesAndKeepsJsonClean() throws Exception {
        Path home = extractLinuxPackage();
        Path bin = Files.createDirectories(work.resolve("path-without-java"));
        Files.createSymbolicLink(bin.resolve("mv"), Shell.find("mv"));
        try (FakeCloudflareApi api = FakeCloudflareApi.start()) {
            Map<String, String> env = new java.util.HashMap<>(api.environment());
            env.put("PATH", bin.toString());
            List<String> deploy = List.of(
                    "/bin/sh",
                    home.resolve("bin/assets-deploy").toString(),
                    Path.of("src/example/public").toAbsolutePath().toString(),
                    "--script",
                    "first-run",
                    "--compatibility-date",
                    "2025-01-01",
                    "--json",
                    "--quiet");
            for (int run = 0; run < 2; run++) { // recording the archive, then mapping it
                Shell.Result result = Shell.run(work, env, deploy);
                assertEquals(0, result.exitCode(), result.err());
                assertEquals("", result.err(), "run " + (run + 1) + " printed on stderr");
                JsonObject doc = JsonParser.parseString(result.out()).getAsJsonObject();
                assertEquals("first-run", doc.get("worker").getAsString());
                assertTrue(Files.isRegularFile(home.resolve("lib/assets-deploy.jsa"))
                        || Files.isRegularFile(home.resolve("lib/assets-deploy.aot")));
            }
            assertEquals(List.of(), api.problems());
        }
    }

    private Path extractLinuxPackage() throws Exception {
        Path extracted = Files.createDirectories(work.resolve("linux"));
        Shell.Result untar = Shell.run(
                extracted,
                null,
                List.of(
                        "tar",
                        "-xzf",
                        TARGET.resolve("assets-deploy-" + VERSION + "-linux-x64.tar.gz")
                                .toAbsolutePath()
                                .toString()));
        assertEquals(0, untar.exitCode(), untar.err());
        return extracted.resolve(BASE);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void linuxPackageRecordsNoArchiveUnderCi() throws Exception {
        Path home = extractLinuxPackage();
        Shell.Result version = Shell.run(
                work,
                Map.of("PATH", "/usr/bin:/bin", "CI", "true"),
                List.of("/bin/sh", home.resolve("bin/assets-deploy").toString(), "--version"));
        assertEquals(0, version.exitCode(), version.err());
        assertFalse(Files.exists(home.resolve("lib/assets-deploy.jsa")));
    }

    private static String inProcess(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = AssetsDeploy.newCommandLine(Environment.of(Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, AssetsDeploy.execute(cl, args));
        return out.toString();
    }

    private Path unzipPortable() throws IOException {
        Path dir = Files.createDirectories(work.resolve("portable"));
        try (ZipInputStream zip =
                new ZipInputStream(Files.newInputStream(TARGET.resolve("assets-deploy-" + VERSION + ".zip")))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path file = dir.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
        return dir.resolve(BASE);
    }

    private static Set<String> zipEntries(Path zipFile) throws IOException {
        Set<String> names = new TreeSet<>();
        try (InputStream in = Files.newInputStream(zipFile);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!entry.isDirectory()) {
                    names.add(stripBase(entry.getName()));
                }
            }
        }
        return names;
    }

    private Set<String> tarEntries(Path tarball) throws Exception {
        // A relative name: GNU tar (Git Bash on Windows) would read "D:\\..." as a remote host.
        Shell.Result list = Shell.run(
                tarball.toAbsolutePath().getParent(),
                null,
                List.of("tar", "-tzf", tarball.getFileName().toString()));
        assertEquals(0, list.exitCode(), list.err());
        return list.out()
                .lines()
                .filter(l -> !l.endsWith("/"))
                .map(DistributionIT::stripBase)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String stripBase(String name) {
        assertTrue(name.startsWith(BASE), name);
        return name.substring(BASE.length());
    }
}
