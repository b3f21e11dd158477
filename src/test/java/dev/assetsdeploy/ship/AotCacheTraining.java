package dev.assetsdeploy.ship;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Build-time tool of the linux-x64 package: records the AOT cache (JEP 483/515, Java 25 or later) that
 * lets the package's launcher skip loading, verifying and linking the classes of a deploy, and start
 * with their method profiles, on every run including the first and in CI. The training is a deploy of a
 * generated folder to the fake API, then a redeploy with a few files changed (the run that is recorded:
 * hash cache hits and misses, an upload, the versions API, triggers), with the launcher's own JVM
 * options and the layout of the package ({@code lib/assets-deploy.jar} beside {@code lib/assets-deploy.aot}):
 * the JVM accepts the cache after the package is moved only when the jar keeps its place relative to it.
 *
 * <p>{@code AotCacheTraining RUNTIME JAR OUT WORK}: RUNTIME is the package's jlink runtime, OUT the cache
 * to write. On a runtime older than 25 it writes nothing: that package records a class-data archive at
 * its first run instead (see dist/bin/assets-deploy).
 */
public final class AotCacheTraining {

    /** The launcher's options that shape the cache: it is only used by a JVM started with the same ones. */
    private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC");

    private static final int FILES = 1500;

    private AotCacheTraining() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: AotCacheTraining RUNTIME JAR OUT WORK");
        }
        Path runtime = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        Path out = Path.of(args[2]);
        Path work = Path.of(args[3]);
        Files.deleteIfExists(out);
        int feature = runtimeFeature(runtime);
        if (feature < 25) {
            System.out.println("AOT cache: none for a Java " + feature + " runtime (it needs 25 or later)");
            return;
        }
        deleteTree(work);
        Path lib = Files.createDirectories(work.resolve("package/lib"));
        Path packagedJar = lib.resolve("assets-deploy.jar");
        Files.copy(jar, packagedJar, StandardCopyOption.COPY_ATTRIBUTES);
        Path site = work.resolve("site");
        Path config = writeSite(site);
        Path cache = lib.resolve("assets-deploy.aot");
        try (FakeCloudflareApi api = FakeCloudflareApi.start()) {
            List<String> deploy =
                    new ArrayList<>(List.of(runtime.resolve("bin/java").toString()));
            deploy.addAll(LAUNCHER_OPTIONS);
            List<String> training = new ArrayList<>(deploy);
            training.add("-XX:AOTCacheOutput=" + cache);
            List<String> command = List.of(
                    "-cp",
                    packagedJar.toString(),
                    "dev.assetsdeploy.cli.Main",
                    "all",
                    "--config",
                    config.toString(),
                    "--cache-dir",
                    work.resolve("hash-cache").toString());
            deploy.addAll(command);
            training.addAll(command);
            run(deploy, api.environment(), work);
            changeSomeFiles(site);
            run(training, api.environment(), work);
            if (!api.problems().isEmpty()) {
                throw new IllegalStateException("the fake API saw problems: " + api.problems());
            }
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the training run wrote no AOT cache at " + cache);
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.move(cache, out, StandardCopyOption.REPLACE_EXISTING);
        // Java 25 does not check that the jar is the one the cache was recorded with: the cache takes the
        // jar's modification time, and the launcher uses it only while the two agree.
        Files.setLastModifiedTime(out, Files.getLastModifiedTime(jar));
        System.out.println("AOT cache: " + out + " (" + Files.size(out) / (1024 * 1024) + " MiB)");
    }

    /** The runtime's Java feature release, from its {@code release} file ({@code JAVA_VERSION="25.0.3"}). */
    static int runtimeFeature(Path runtime) throws IOException {
        Optional<String> version = Files.readAllLines(runtime.resolve("release")).stream()
                .filter(l -> l.startsWith("JAVA_VERSION="))
                .map(l -> l.substring("JAVA_VERSION=".length()).replace("\"", ""))
                .findFirst();
        String v = version.orElseThrow(() -> new IllegalStateException(runtime + "/release has no JAVA_VERSION"));
        return Integer.parseInt(v.split("[.+-]", 2)[0]);
    }

    /** A folder like a built site, with a config that uses the routing files and a schedule. */
    private static Path writeSite(Path site) throws IOException {
        String[] kinds = {"html", "css", "js", "json", "svg", "txt", "png", "woff2"};
        for (int i = 0; i < FILES; i++) {
            String kind = kinds[i % kinds.length];
            Path file = site.resolve("public/section-" + (i % 30) + "/page-" + i + "." + kind);
            Files.createDirectories(file.getParent());
            Files.writeString(file, kind + " file " + i + "\n".repeat(1 + i % 7), StandardCharsets.UTF_8);
        }
        Files.writeString(site.resolve("public/index.html"), "<!doctype html><title>training</title>\n");
        Files.writeString(site.resolve("public/404.html"), "<!doctype html><title>not found</title>\n");
        Files.writeString(site.resolve("public/_headers"), "/*\n  X-Frame-Options: DENY\n");
        Files.writeString(site.resolve("public/_redirects"), "/old /section-0/page-0.html 301\n");
        Files.writeString(site.resolve("public/.assetsignore"), "*.map\n");
        Path config = site.resolve("wrangler.jsonc");
        Files.writeString(config, """
                // The AOT cache's training Worker
                {
                  "name": "aot-training",
                  "compatibility_date": "2025-01-01",
                  "assets": {
                    "directory": "./public",
                    "html_handling": "auto-trailing-slash",
                    "not_found_handling": "404-page",
                  },
                  "observability": {"enabled": true},
                  "triggers": {"crons": ["0 3 * * *"]},
                }
                """);
        return config;
    }

    private static void changeSomeFiles(Path site) throws IOException {
        for (int i = 0; i < FILES; i += 100) {
            Files.writeString(site.resolve("public/section-" + (i % 30) + "/changed-" + i + ".html"), "new " + i);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Runs {@code command} with only the fake's variables (no CI, no JAVA_TOOL_OPTIONS); its output goes to training.log. */
    private static void run(List<String> command, Map<String, String> api, Path dir)
            throws IOException, InterruptedException {
        Shell.Result result = Shell.run(dir, api, command);
        Files.writeString(dir.resolve("training.log"), result.out() + result.err(), StandardCharsets.UTF_8);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("the AOT training run exited " + result.exitCode() + ": " + command + "\n"
                    + result.out() + result.err());
        }
    }
}
