package dev.assetsdeploy.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.assetsdeploy.cli.AssetsDeploy;
import dev.assetsdeploy.cli.Environment;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.RecordedRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command line of README's {@code ```sh} blocks runs, as a user would type it, against the
 * packaged jar and exits 0: {@code assets-deploy ...} and {@code java -jar target/assets-deploy.jar ...}
 * become {@code java -jar <project>/target/assets-deploy.jar ...}; {@code export X=...} sets X (with a
 * test value for {@code ...}) for the later lines of its block; {@code mvn} commands are what CI runs
 * and are not run again. Network commands go to the fake Cloudflare API. Any other line fails the test.
 */
class ReadmeCommandsIT {

    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    static final Pattern SERVING = Pattern.compile("^Serving .* at (http://\\S+/) ");
    static final Set<String> CLEARED_PREFIXES = Set.of("CLOUDFLARE_", "GITHUB_");
    static final Set<String> PROXY_VARIABLES = Set.of("HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "ALL_PROXY");

    @TempDir
    Path tmp;

    final Path projectRoot = Path.of("").toAbsolutePath();
    final Path jar = projectRoot.resolve("target/assets-deploy.jar");
    final Set<String> subcommands = AssetsDeploy.newCommandLine(Environment.of(Map.of()))
            .getSubcommands()
            .keySet();
    FakeCloudflareApi api;

    /** Lines of the README that could not be run, or failed, with why. */
    final List<String> failures = new ArrayList<>();

    final List<String> ran = new ArrayList<>();

    /** The Worker of README's "Gradual rollout and rollback": its ids are written out there. */
    static final String ROLLOUT_WORKER = "my-app";

    static final List<String> ROLLOUT_VERSIONS =
            List.of("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222");

    @BeforeEach
    void start() {
        assertTrue(Files.isRegularFile(jar), jar + " is missing: run mvn verify (it builds the jar first)");
        api = FakeCloudflareApi.start();
        // A release deployed (1111...) and the next one uploaded, not deployed yet (2222...).
        api.workers()
                .addWorker(ROLLOUT_WORKER)
                .version(ROLLOUT_VERSIONS.get(0), v -> v.tag("v1.0"))
                .deployment(ROLLOUT_VERSIONS.get(0))
                .version(ROLLOUT_VERSIONS.get(1), v -> v.tag("v1.1"));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyShellCommandOfTheReadmeRunsAndExitsZero() throws IOException, InterruptedException {
        List<ReadmeFile.Block> blocks = ReadmeFile.read().blocks().stream()
                .filter(b -> b.language().equals("sh"))
                .toList();
        for (int i = 0; i < blocks.size(); i++) {
            runBlock(blocks.get(i), Files.createDirectories(tmp.resolve("block-" + (i + 1))));
        }
        assertEquals(List.of(), api.problems(), "the fake API refused malformed requests");
        if (!failures.isEmpty()) {
            fail("README.md sh commands that failed or cannot be run:\n" + String.join("\n", failures));
        }
        assertTrue(ran.stream().anyMatch(line -> line.contains(" deploy ")), "no deploy line ran: " + ran);
    }

    @Test
    void aServerCommandIsStartedAskedForTheRootAndStopped() throws IOException, InterruptedException {
        Path dir = Files.createDirectories(tmp.resolve("server"));
        runBlock(new ReadmeFile.Block("sh", 1, List.of("assets-deploy preview ./public --port 0")), dir);
        assertEquals(List.of(), failures);
        assertEquals(List.of("line 1: assets-deploy preview ./public --port 0"), ran);
    }

    @Test
    void aLineThatCannotRunFailsTheTest() throws IOException, InterruptedException {
        runBlock(
                new ReadmeFile.Block(
                        "sh",
                        10,
                        List.of(
                                "export CLOUDFLARE_ACCOUNT_ID=...",
                                "npx wrangler deploy",
                                "assets-deploy manifest ./public | head",
                                "export SOMETHING_ELSE=...",
                                "assets-deploy manifest ./missing")),
                Files.createDirectories(tmp.resolve("bad")));
        assertEquals(4, failures.size(), String.join("\n", failures));
        assertTrue(failures.get(0).startsWith("line 11: npx wrangler deploy: cannot run"), failures.get(0));
        assertTrue(
                failures.get(1).startsWith("line 12: assets-deploy manifest ./public | head: cannot run"),
                failures.get(1));
        assertTrue(failures.get(2).startsWith("line 13: export SOMETHING_ELSE=...: no test value"), failures.get(2));
        assertTrue(
                failures.get(3)
                        .startsWith(
                                "line 14: assets-deploy manifest ./missing: exit 3 (the rest of its block is not run)\n"
                                        + "    stderr: error: "),
                failures.get(3));
    }

    /** Runs a block's lines in order in a fresh user project ({@code ./public} only); stops the block at its first failure. */
    void runBlock(ReadmeFile.Block block, Path dir) throws IOException, InterruptedException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path logs = Files.createDirectories(dir.resolve("logs"));
        copyTree(projectRoot.resolve("src/example/public"), project.resolve("public"));
        Map<String, String> env = baseEnvironment();
        List<String> lines = ShellWords.joinContinuations(block.lines());
        for (int i = 0; i < lines.size(); i++) {
            String where =
                    "line " + (block.firstLine() + i) + ": " + lines.get(i).strip();
            List<List<String>> commands;
            try {
                commands = ShellWords.commands(lines.get(i));
            } catch (ShellWords.UnsupportedSyntax e) {
                failures.add(where + ": cannot run: " + e.getMessage());
                continue;
            }
            for (List<String> words : commands) {
                Outcome outcome = runCommand(words, env, project, logs, where);
                if (outcome == Outcome.FAILED) {
                    return;
                }
            }
        }
    }

    enum Outcome {
        RAN,
        SET,
        SKIPPED,
        FAILED,
        UNRUNNABLE
    }

    Outcome runCommand(List<String> words, Map<String, String> env, Path project, Path logs, String where)
            throws IOException, InterruptedException {
        String first = words.get(0);
        if (first.equals("export")) {
            return export(words.subList(1, words.size()), env, where);
        }
        if (first.equals("mvn")) {
            return Outcome.SKIPPED; // the build itself: CI runs `mvn -B verify` (.ci/run), which is running this test
        }
        List<String> args;
        Path workDir;
        if (first.equals("assets-deploy")) {
            args = words.subList(1, words.size());
            workDir = project;
        } else if (words.size() >= 3
                && first.equals("java")
                && words.get(1).equals("-jar")
                && words.get(2).equals("target/assets-deploy.jar")) {
            args = words.subList(3, words.size());
            workDir = projectRoot;
        } else {
            failures.add(
                    where + ": cannot run `" + String.join(" ", words) + "`: only assets-deploy, java -jar "
                            + "target/assets-deploy.jar, export and mvn commands are run by this test (extend it, or use a text block)");
            return Outcome.UNRUNNABLE;
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        String subcommand = subcommand(args);
        boolean server = subcommand.equals("preview") && !args.contains("--explain") && !helpOrVersion(args);
        int before = api.workerRequests().size();
        int sessionsBefore = api.sessionsOpened();
        int uploadsBefore = api.uploadRequests();
        Path out = logs.resolve("out-" + ran.size() + ".txt");
        Path err = logs.resolve("err-" + ran.size() + ".txt");
        ran.add(where);
        String problem = server ? runServer(pb, out) : runToEnd(pb, out, err);
        String stdout = Files.readString(out);
        String stderr = server ? "" : Files.readString(err);
        if (problem == null && (stdout.contains(api.settings.apiToken) || stderr.contains(api.settings.apiToken))) {
            problem = "printed the API token";
        }
        if (problem == null) {
            problem = checkRequests(
                    subcommand,
                    args,
                    api.workerRequests().subList(before, api.workerRequests().size()),
                    api.sessionsOpened() - sessionsBefore,
                    api.uploadRequests() - uploadsBefore);
        }
        if (problem != null) {
            failures.add(where + ": " + problem + " (the rest of its block is not run)\n    stderr: "
                    + stderr.strip().replace("\n", "\n    stderr: "));
            return Outcome.FAILED;
        }
        return Outcome.RAN;
    }

    Outcome export(List<String> assignments, Map<String, String> env, String where) {
        Map<String, String> testValues = Map.of(
                "CLOUDFLARE_API_TOKEN",
                api.settings.apiToken,
                "CLOUDFLARE_ACCOUNT_ID",
                api.settings.accountId,
                "CLOUDFLARE_API_BASE_URL",
                api.baseUrl());
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                failures.add(where + ": cannot run: export without NAME=VALUE");
                return Outcome.UNRUNNABLE;
            }
            String name = assignment.substring(0, eq);
            String value = assignment.substring(eq + 1);
            if (value.equals("...")) {
                if (!testValues.containsKey(name)) {
                    failures.add(
                            where + ": no test value for " + name + " (this test knows " + testValues.keySet() + ")");
                    return Outcome.UNRUNNABLE;
                }
                value = testValues.get(name);
            }
            env.put(name, value);
        }
        return Outcome.SET;
    }

    /**
     * The environment of a shell that followed the Quick start (credentials exported) against the
     * fake API: nothing of the caller's Cloudflare, GitHub Actions or proxy settings leaks in.
     */
    Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            boolean cleared = CLEARED_PREFIXES.stream().anyMatch(name::startsWith)
                    || PROXY_VARIABLES.contains(name.toUpperCase(java.util.Locale.ROOT));
            if (!cleared) {
                env.put(name, value);
            }
        });
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString()); // the hash cache: not the caller's
        return env;
    }

    String subcommand(List<String> args) {
        if (args.isEmpty() || helpOrVersion(List.of(args.get(0)))) {
            return "";
        }
        return subcommands.contains(args.get(0)) ? args.get(0) : "all";
    }

    static boolean helpOrVersion(List<String> args) {
        return args.stream()
                .anyMatch(a -> List.of("-h", "--help", "-V", "--version").contains(a));
    }

    /**
     * What the fake API must have seen: a deploy uploads the Worker, an upload opens a session, {@code versions deploy}
     * and {@code rollback} make a deployment, the rest send nothing that changes anything.
     */
    static String checkRequests(
            String subcommand, List<String> args, List<RecordedRequest> worker, int sessions, int uploads) {
        boolean deploysVersions = (subcommand.equals("rollback")
                        || (subcommand.equals("versions")
                                && args.size() > 1
                                && args.get(1).equals("deploy")))
                && !helpOrVersion(args);
        if (deploysVersions) {
            String script = optionValue(args, "--script", "--name");
            return worker.stream()
                                    .anyMatch(r -> r.method().equals("POST")
                                            && r.path().endsWith("/scripts/" + script + "/deployments"))
                            && sessions == 0
                    ? null
                    : "expected a deployment of " + script + " and no upload; saw " + sessions + " sessions and "
                            + worker.stream()
                                    .map(r -> r.method() + " " + r.path())
                                    .toList();
        }
        boolean sends = Set.of("all", "upload", "deploy").contains(subcommand)
                && !args.contains("--dry-run")
                && !helpOrVersion(args);
        if (!sends) {
            return worker.isEmpty() && sessions == 0 && uploads == 0
                    ? null
                    : "sent requests to the API (" + sessions + " sessions, " + uploads + " uploads, " + worker.size()
                            + " Worker requests)";
        }
        if (subcommand.equals("upload")) {
            return sessions > 0 && worker.isEmpty()
                    ? null
                    : "expected an upload session and no Worker request; saw " + sessions + " sessions and "
                            + worker.size() + " Worker requests";
        }
        String script = optionValue(args, "--script", "--name");
        boolean deployed =
                worker.stream().anyMatch(r -> script == null || r.path().contains("/scripts/" + script));
        return deployed
                ? null
                : "the fake API received no Worker upload" + (script == null ? "" : " for " + script)
                        + " (Worker requests: "
                        + worker.stream().map(r -> r.method() + " " + r.path()).toList() + ")";
    }

    static String optionValue(List<String> args, String... names) {
        for (int i = 0; i < args.size(); i++) {
            for (String name : names) {
                if (args.get(i).equals(name) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (args.get(i).startsWith(name + "=")) {
                    return args.get(i).substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    static String runToEnd(ProcessBuilder pb, Path out, Path err) throws IOException, InterruptedException {
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return "did not finish in " + COMMAND_TIMEOUT.toSeconds() + " s";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue();
    }

    /** Starts a server command, waits for its start-up line, asks it for {@code /}, then stops it. */
    static String runServer(ProcessBuilder pb, Path out) throws IOException, InterruptedException {
        Process p = pb.redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        try {
            CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> startUrl(p));
            String base;
            try {
                base = url.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                return "no start-up line (Serving ... at http://...) within " + COMMAND_TIMEOUT.toSeconds() + " s";
            }
            if (base == null) {
                return "ended before serving, exit " + p.waitFor();
            }
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(base))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? null : "GET / answered " + response.statusCode();
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Reads the server's stderr up to its start-up line; the rest is drained so the server never blocks on it. */
    static String startUrl(Process p) {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        try {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher m = SERVING.matcher(line);
                if (m.find()) {
                    Thread drain = new Thread(() -> {
                        try {
                            err.transferTo(java.io.Writer.nullWriter());
                        } catch (IOException e) {
                            // the server was stopped
                        }
                    });
                    drain.setDaemon(true);
                    drain.start();
                    return m.group(1);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
