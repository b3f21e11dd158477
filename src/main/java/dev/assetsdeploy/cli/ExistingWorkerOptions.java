package dev.assetsdeploy.cli;

import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import dev.assetsdeploy.config.ConfigLoader;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands about an existing Worker ({@code versions}, {@code deployments}, {@code rollback}) take: which
 * Worker (a flag, or the config's {@code name}, of its {@code --env} section), the account and credentials, the
 * request and output options. They read nothing else of the config: they upload nothing.
 */
public final class ExistingWorkerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    WorkerOptions worker;

    @Mixin
    CredentialsOptions credentials;

    @Mixin
    RequestOptions requests;

    @Mixin
    OutputOptions output;

    OutputOptions output() {
        return output;
    }

    /** The result on stdout: {@code json} with --json, else {@code text} prints it for people. */
    void print(Supplier<JsonObject> json, Consumer<PrintWriter> text) {
        output.print(spec.commandLine().getOut(), json, text);
    }

    /** What the command says when it is stopped mid-run (it starts as "before anything was changed"). */
    Interruption interruption(Environment env) {
        return Interruption.of(env, spec.commandLine().getErr());
    }

    /** This run's flags that choose the Worker and account, for a command it suggests ({@code " --script site"}). */
    String workerFlags(Environment env) {
        return NextCommand.workerFlags(spec, env);
    }

    /**
     * The Worker and a client for its account; a malformed API base URL is refused first, and the warnings (plain HTTP to
     * another machine, the config's) go to stderr (errors under --strict).
     */
    Session open(Environment env) {
        requests.check(spec);
        NameFlags.checkScript(spec, worker.scriptName, false);
        PrintWriter err = spec.commandLine().getErr();
        int urlWarnings = credentials.checkApiBaseUrl(env, spec, err);
        LoadedConfig loaded = new ConfigLoader(Path.of("").toAbsolutePath())
                .load(worker.overrides(env).build(), Requirements.WORKER);
        Strictness.check(output, urlWarnings + ConfigOptions.printWarnings(loaded, err));
        ApiSettings settings =
                requests.apply(credentials.settings(env, loaded.config().accountId()), spec, env);
        return new Session(
                loaded.config().scriptName(),
                loaded.config().settings().effectiveCodeUpdateStrategy(),
                output.client(settings, err));
    }

    /**
     * One run's Worker, its deployments' Durable Objects strategy (the config's
     * {@code durable_objects.code_update_strategy}, as wrangler's versions deploy and rollback send it) and API client;
     * closing it closes the client.
     */
    record Session(String scriptName, CodeUpdateStrategy codeUpdateStrategy, ApiClient client)
            implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}
