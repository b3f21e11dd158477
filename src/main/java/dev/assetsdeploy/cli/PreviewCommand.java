package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.config.RoutingFileWarning;
import dev.assetsdeploy.preview.AssetRouter;
import dev.assetsdeploy.preview.LiveSite;
import dev.assetsdeploy.preview.PreviewRequest;
import dev.assetsdeploy.preview.PreviewResponse;
import dev.assetsdeploy.preview.PreviewServer;
import dev.assetsdeploy.preview.PreviewSettings;
import dev.assetsdeploy.preview.PreviewSite;
import dev.assetsdeploy.report.PreviewReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "preview",
        mixinStandardHelpOptions = true,
        description = {
            "Serve DIR locally exactly as Cloudflare routes Workers static assets: html_handling,"
                    + " not_found_handling, _redirects, _headers, ETags and the compatibility date, from the same config"
                    + " a deploy uses. Changes to the folder are served without a restart.",
            "With --explain PATH: answer one request and say which rule decided what, without a server."
        })
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "The assets folder (default: assets.directory from the config).")
    Path dir;

    @Mixin
    ConfigOptions config;

    @Mixin
    ManifestOptions manifestOptions;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8787",
            description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--explain",
            paramLabel = "PATH",
            description =
                    "Answer one request for PATH (with its query, e.g. /about?x=1) and explain it; start no server.")
    String explain;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "GET",
            description = "With --explain: the method (default: GET).")
    String method;

    @Option(
            names = "--header",
            paramLabel = "'NAME: VALUE'",
            description =
                    "With --explain: a request header, e.g. 'Accept: text/html' or 'Sec-Fetch-Mode: navigate' (repeatable).")
    List<String> headers = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = config.load(root.env(), dir, Requirements.PREVIEW);
        DeployConfig deployConfig = loaded.config();
        Path folder = deployConfig.assetsDirectory();
        PreviewSettings settings = PreviewSettings.of(deployConfig);
        PreviewSite site = load(folder, settings);
        ManifestOptions.printCacheWarnings(site.manifest(), err);
        int warnings = ConfigOptions.printWarnings(loaded, err) + printProblems(err, site);
        Strictness.check(output, warnings);
        if (explain != null) {
            explain(new AssetRouter(site), settings, deployConfig.compatibilityDate());
        } else {
            serve(
                    folder,
                    site,
                    deployConfig.compatibilityDate(),
                    deployConfig.assets() == null ? null : deployConfig.assets().binding());
        }
        return ExitCodes.OK;
    }

    private PreviewSite load(Path folder, PreviewSettings settings) {
        return PreviewSite.load(manifestOptions.build(folder), settings);
    }

    private int printProblems(PrintWriter err, PreviewSite site) {
        return ConfigOptions.printWarnings(
                RoutingFileWarning.of(site.manifest().root(), site.redirects(), site.headers()), err);
    }

    private void explain(AssetRouter router, PreviewSettings settings, String configuredDate) {
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw AssetsDeployException.invalidInput("--header '" + header + "': expected 'Name: value'");
            }
            requestHeaders.put(
                    header.substring(0, colon).trim(),
                    header.substring(colon + 1).trim());
        }
        String target = explain.startsWith("/") ? explain : "/" + explain;
        PreviewResponse r = router.resolve(new PreviewRequest(method, target, host + ":" + port, requestHeaders));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(PreviewReport.explanationJson(r));
        } else {
            PreviewReport.printExplanation(method, target, requestHeaders, r, settings, configuredDate, out);
        }
        out.flush();
    }

    /** Serves until the environment's shutdown (Ctrl+C) closes the server. */
    private void serve(Path folder, PreviewSite site, String configuredDate, String binding)
            throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LiveSite live = new LiveSite(
                folder,
                f -> load(f, site.settings()),
                reloaded -> {
                    err.println(PreviewReport.reloaded(reloaded));
                    printProblems(err, reloaded);
                    err.flush();
                },
                failure -> {
                    err.println(PreviewReport.reloadFailed(failure));
                    err.flush();
                });
        PreviewServer server;
        try {
            server = PreviewServer.start(host, port, live::router, (m, target, r) -> {
                err.println(PreviewReport.requestLine(m, target, r));
                err.flush();
            });
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        try (live;
                server) {
            String note = PreviewReport.workerNote(site.settings(), binding);
            if (note != null) {
                err.println(note);
            }
            err.println(PreviewReport.serving(
                    folder, site, configuredDate, host, server.address().getPort()));
            err.flush();
            root.env().shutdown().onShutdown(() -> {
                server.close();
                live.close();
            });
            server.awaitClose();
        }
    }
}
