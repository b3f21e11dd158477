package dev.assetsdeploy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code deploy} and {@code all} send with the Worker, beyond the config. */
public final class DeployOptions {

    @Option(names = "--module", paramLabel = "FILE",
            description = "An extra module of the Worker (repeatable), inside the main module's folder: .js/.mjs (ES module),"
                    + " .cjs, .wasm, .txt/.html/.sql (text), .bin (data), .map (source map). No bundling.")
    List<Path> modules = new ArrayList<>();

    @Option(names = "--version-only",
            description = "Create a new version of the Worker without deploying it (POST .../versions) and print its id.")
    boolean versionOnly;

    @Option(names = "--dispatch-namespace", paramLabel = "NS",
            description = "Deploy to this Workers for Platforms dispatch namespace.")
    String dispatchNamespace;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
            description = "A message recorded with the version (annotation workers/message).")
    String message;
}
