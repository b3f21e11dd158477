package dev.assetsdeploy.cli;

import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of every command that builds a manifest. */
public final class ManifestOptions {

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "" + ManifestBuilder.DEFAULT_MAX_FILES,
            description = "Refuse a folder with more than N files (default: ${DEFAULT-VALUE}; paid plans allow 100000).")
    int maxFiles;

    public Manifest build(Path dir) {
        return new ManifestBuilder(maxFiles, Runtime.getRuntime().availableProcessors()).build(dir);
    }
}
