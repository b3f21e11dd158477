package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonParser;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.BindingKind;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LiveOverrides;
import dev.assetsdeploy.config.LiveSettings;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.config.WorkerBindings;
import dev.assetsdeploy.config.WorkerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The mixin as a command sees it: flags parsed, CLOUDFLARE_ENV, errors through the shared handlers. */
class ConfigOptionsTest {

    @Command(name = "probe")
    static final class Probe implements Callable<Integer> {
        @Mixin
        ConfigOptions config;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DIR")
        Path dir;

        final Path cwd;
        final Environment env;
        LoadedConfig loaded;
        int exitCode;

        Probe(Path cwd, Environment env) {
            this.cwd = cwd;
            this.env = env;
        }

        @Override
        public Integer call() {
            loaded = config.load(cwd, env, dir, Requirements.ALL, List.of(), LiveOverrides.NONE);
            return ExitCodes.OK;
        }
    }

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(dir.resolve("public"));
        Files.createDirectories(dir.resolve("dist"));
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        Files.writeString(dir.resolve("wrangler.toml"), """
                name = "site"
                compatibility_date = "2025-01-01"
                [assets]
                directory = "public"
                [env.staging]
                name = "site-staging-custom"
                """);
    }

    private Probe run(Map<String, String> vars, String... args) {
        Environment env = Environment.of(vars);
        Probe probe = new Probe(dir, env);
        ErrorHandlers handlers = new ErrorHandlers(env);
        CommandLine cl = new CommandLine(probe)
                .setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setExitCodeExceptionMapper(handlers);
        cl.setErr(new PrintWriter(err, true));
        probe.exitCode = cl.execute(args);
        return probe;
    }

    @Test
    void everyFlagReachesTheConfig() {
        Probe probe = run(
                Map.of(),
                "--script",
                "other",
                "--main",
                "worker.js",
                "--compatibility-date",
                "2025-05-05",
                "--compatibility-flag",
                "nodejs_compat",
                "--compatibility-flag",
                "global_fetch_strictly_public",
                "--binding",
                "ASSETS",
                "--html-handling",
                "none",
                "--not-found-handling",
                "404-page",
                "--run-worker-first",
                "/api/*",
                "--run-worker-first",
                "!/api/docs",
                "dist");
        DeployConfig c = probe.loaded.config();
        assertEquals(
                new DeployConfig(
                        dir.resolve("wrangler.toml"),
                        "other",
                        dir.resolve("worker.js"),
                        null,
                        "2025-05-05",
                        List.of("nodejs_compat", "global_fetch_strictly_public"),
                        dir.resolve("dist"),
                        new AssetsSettings(
                                "ASSETS",
                                HtmlHandling.NONE,
                                NotFoundHandling.NOT_FOUND_PAGE,
                                RunWorkerFirst.of(List.of("/api/*", "!/api/docs"))),
                        new WorkerBindings(
                                List.of(new Binding(
                                        BindingKind.ASSETS,
                                        "ASSETS",
                                        JsonParser.parseString("{\"binding\":\"ASSETS\"}"),
                                        "--binding")),
                                List.of(),
                                false),
                        new WorkerSettings(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                new WorkerSettings.ServiceTags("site", null)),
                        LiveSettings.NONE),
                c);
        assertEquals("", err.toString());
    }

    @Test
    void wranglerSpellingsWork() {
        Probe probe = run(
                Map.of(),
                "--name",
                "n",
                "-e",
                "staging",
                "--compatibility-flags",
                "a",
                "-c",
                dir.resolve("wrangler.toml").toString());
        assertEquals("n", probe.loaded.config().scriptName());
        assertEquals("staging", probe.loaded.environment());
        assertEquals(List.of("a"), probe.loaded.config().compatibilityFlags());
    }

    @Test
    void cloudflareEnvSelectsTheEnvironmentUnlessEnvIsGiven() throws IOException {
        Files.writeString(
                dir.resolve("wrangler.toml"), "\n[env.production]\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(
                "site-staging-custom",
                run(Map.of("CLOUDFLARE_ENV", "staging")).loaded.config().scriptName());
        assertEquals(
                "site-production",
                run(Map.of("CLOUDFLARE_ENV", "staging"), "--env", "production")
                        .loaded
                        .config()
                        .scriptName());
        assertEquals("site", run(Map.of("CLOUDFLARE_ENV", "")).loaded.config().scriptName());
    }

    @Test
    void invalidConfigExitsWithInvalidInputAndOneErrorLinePerProblem() {
        Probe probe = run(Map.of(), "--html-handling", "trailing", "--run-worker-first", "api");
        assertEquals(ExitCodes.INVALID_INPUT, probe.exitCode);
        assertNull(probe.loaded);
        assertEquals("""
                error: --html-handling is "trailing", expected one of auto-trailing-slash, force-trailing-slash, \
                drop-trailing-slash, none
                error: --run-worker-first: rule "api" must start with "/" (or "!/" to exclude)
                error: --run-worker-first sends requests to the Worker, but the Worker has no code: set main \
                (or --main), or remove run_worker_first
                """, err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void missingEnvSectionIsAnErrorNamingTheFileAndTheEnvironments() {
        assertEquals(ExitCodes.INVALID_INPUT, run(Map.of(), "--env", "prod").exitCode);
        assertEquals(
                "error: --env prod: wrangler.toml has no env.prod; it defines staging\n",
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void warningsArePrintedOnePerLine() throws IOException {
        Files.writeString(
                dir.resolve("wrangler.toml"),
                "build = {command = \"make\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Probe probe = run(Map.of(), "--env", "staging");
        StringWriter out = new StringWriter();
        assertEquals(1, ConfigOptions.printWarnings(probe.loaded, new PrintWriter(out)));
        assertEquals(
                "warning: wrangler.toml: env.staging.build is a wrangler setting that assets-deploy does not"
                        + " apply (ignored)\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }
}
