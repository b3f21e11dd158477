package dev.assetsdeploy.cli;

import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.config.RoutingFileWarning;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.preview.AssetRouter;
import dev.assetsdeploy.preview.LiveSite;
import dev.assetsdeploy.preview.PreviewRequest;
import dev.assetsdeploy.preview.PreviewResponse;
import dev.assetsdeploy.preview.PreviewServer;
import dev.assetsdeploy.preview.PreviewSettings;
import dev.assetsdeploy.preview.PreviewSite;
import dev.assetsdeploy.preview.ResponseHeaders;
import dev.assetsdeploy.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Serve DIR locally exactly as Cloudflare routes Workers static assets: html_handling,"
                + " not_found_handling, _redirects, _headers, ETags and the compatibility date, from the same config"
                + " a deploy uses. Changes to the folder are served without a restart.",
                "With --explain PATH: answer one request and say which rule decided what, without a server."})
final class PreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The assets folder (default: assets.directory from the config).")
    Path dir;

    @Mixin
    ConfigOptions config;

    @Mixin
    ManifestOptions manifestOptions;

    @Mixin
    OutputOptions output;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8787", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--explain", paramLabel = "PATH",
            description = "Answer one request for PATH (with its query, e.g. /about?x=1) and explain it; start no server.")
    String explain;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET", description = "With --explain: the method (default: GET).")
    String method;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'",
            description = "With --explain: a request header, e.g. 'Accept: text/html' or 'Sec-Fetch-Mode: navigate' (repeatable).")
    List<String> headers = new ArrayList<>();

    private String loadedBinding;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LoadedConfig loaded = config.load(root.env(), dir, Requirements.PREVIEW);
        DeployConfig deployConfig = loaded.config();
        Path folder = deployConfig.assetsDirectory();
        PreviewSettings settings = PreviewSettings.of(deployConfig);
        PreviewSite site = load(folder, settings);
        int warnings = ConfigOptions.printWarnings(loaded, err) + printProblems(err, site);
        Strictness.check(output, warnings);
        if (explain != null) {
            explain(new AssetRouter(site), settings, deployConfig.compatibilityDate());
            return ExitCodes.OK;
        }
        loadedBinding = deployConfig.assets() == null ? null : deployConfig.assets().binding();
        serve(folder, settings, site, deployConfig.compatibilityDate());
        return ExitCodes.OK;
    }

    private PreviewSite load(Path folder, PreviewSettings settings) {
        return PreviewSite.load(manifestOptions.build(folder), settings);
    }

    private int printProblems(PrintWriter err, PreviewSite site) {
        return ConfigOptions.printWarnings(
                RoutingFileWarning.of(site.manifest().root(), site.redirects(), site.headers()), err);
    }

    private static String dateShown(String configured) {
        return configured == null ? "not set" : configured;
    }

    private void explain(AssetRouter router, PreviewSettings settings, String configuredDate) {
        Map<String, String> requestHeaders = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw AssetsDeployException.invalidInput("--header '" + header + "': expected 'Name: value'");
            }
            requestHeaders.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String target = explain.startsWith("/") ? explain : "/" + explain;
        PreviewResponse r = router.resolve(new PreviewRequest(method, target, host + ":" + port, requestHeaders));
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.PRETTY.toJson(explainJson(r)));
        } else {
            out.println(method.toUpperCase(java.util.Locale.ROOT) + " " + target
                    + (requestHeaders.isEmpty() ? "" : "  " + requestHeaders));
            if (r.toWorker()) {
                out.println("  goes to the Worker (preview does not run Worker code)");
            } else {
                out.println("  status    " + r.status());
                if (r.location() != null) {
                    out.println("  location  " + r.location());
                }
                out.println("  asset     " + (r.asset() == null ? "none" : r.asset().path() + " (" + r.asset().file() + ")"));
                for (ResponseHeaders.Header h : r.headers().list()) {
                    out.println("  header    " + h.name() + ": " + h.value());
                }
            }
            out.println("  decided by:");
            r.steps().forEach(step -> out.println("    " + step));
            out.println("  (html_handling " + settings.htmlHandling().value() + ", not_found_handling " + settings.notFoundHandling().value()
                    + ", compatibility date " + dateShown(configuredDate) + ")");
        }
        out.flush();
    }

    private static Map<String, Object> explainJson(PreviewResponse r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("worker", r.toWorker());
        if (!r.toWorker()) {
            json.put("status", r.status());
            json.put("location", r.location());
            json.put("asset", r.asset() == null ? null : r.asset().path());
            List<Map<String, String>> headerList = new ArrayList<>();
            r.headers().list().forEach(h -> headerList.add(Map.of("name", h.name(), "value", h.value())));
            json.put("headers", headerList);
        }
        List<Map<String, String>> steps = new ArrayList<>();
        r.steps().forEach(s -> steps.add(Map.of("rule", s.rule(), "detail", s.detail())));
        json.put("steps", steps);
        return json;
    }

    private void serve(Path folder, PreviewSettings settings, PreviewSite site, String configuredDate)
            throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        LiveSite live = new LiveSite(folder, f -> load(f, settings),
                reloaded -> {
                    err.println("folder changed: " + reloaded.manifest().fileCount() + " files");
                    printProblems(err, reloaded);
                    err.flush();
                },
                failure -> {
                    err.println("warning: folder changed but cannot be served as it is now (" + failure.getMessage()
                            + "); still serving the previous version");
                    err.flush();
                });
        PreviewServer server;
        try {
            server = PreviewServer.start(host, port, live::router, (m, target, r) -> {
                PreviewResponse.Step step = r.decidingStep();
                err.println(m + " " + target + " " + (r.toWorker() ? "Worker" : r.status())
                        + (r.location() != null ? " -> " + r.location() : "") + (step == null ? "" : "  [" + step + "]"));
                err.flush();
            });
        } catch (RuntimeException e) {
            live.close();
            throw e;
        }
        workerNote(err, settings, loadedBinding);
        err.println("Serving " + folder + " (" + site.manifest().fileCount() + " files; html_handling "
                + settings.htmlHandling().value() + ", not_found_handling " + settings.notFoundHandling().value() + ", compatibility date "
                + dateShown(configuredDate) + ") at http://" + host + ":" + server.address().getPort() + "/  (Ctrl+C to stop)");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            live.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private void workerNote(PrintWriter err, PreviewSettings settings, String binding) {
        if (!settings.hasWorkerCode()) {
            return;
        }
        StringBuilder note = new StringBuilder("note: this Worker has code (main), which preview does not run:"
                + " requests that would reach it are answered 501 and logged as 'Worker'.");
        if (binding != null) {
            note.append(" The ").append(binding).append(" binding exists only inside Worker code.");
        }
        if (settings.workerFirstForAll()) {
            note.append(" run_worker_first is true: every request goes to the Worker first.");
        } else if (!settings.workerFirstRules().isEmpty()) {
            note.append(" run_worker_first sends these paths to the Worker first: ")
                    .append(String.join(", ", settings.workerFirstRules()))
                    .append("; other requests go to the Worker only when no asset (and no not_found_handling page) matches.");
        } else {
            note.append(" Requests go to the Worker when no asset matches")
                    .append(settings.notFoundHandling() == NotFoundHandling.NONE ? "."
                            : settings.navigationPrefersAssets()
                            ? "; navigation requests (Sec-Fetch-Mode: navigate) still get not_found_handling at this"
                            + " compatibility date."
                            : "; not_found_handling never applies before the Worker at this compatibility date"
                            + " (navigation requests get it from " + PreviewSettings.NAVIGATION_FLAG_DATE + ").");
        }
        err.println(note);
    }
}
