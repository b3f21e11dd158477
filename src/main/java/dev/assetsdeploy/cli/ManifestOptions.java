package dev.assetsdeploy.cli;

import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import dev.assetsdeploy.manifest.ManifestWarning;
import dev.assetsdeploy.report.ManifestReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options of every command that builds a manifest. */
public final class ManifestOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    int maxFiles = ManifestBuilder.DEFAULT_MAX_FILES;

    @Option(
            names = "--max-files",
            paramLabel = "N",
            defaultValue = "" + ManifestBuilder.DEFAULT_MAX_FILES,
            description = "Refuse a folder with more than N files, before reading any (default: ${DEFAULT-VALUE},"
                    + " what paid plans allow; above " + ManifestBuilder.FREE_PLAN_MAX_FILES
                    + ", the Free plan's limit, a warning unless --max-files is given).")
    void maxFiles(int n) {
        if (n < 1) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--max-files must be at least 1, not " + n + " (default " + ManifestBuilder.DEFAULT_MAX_FILES
                            + ")");
        }
        maxFiles = n;
    }

    @Mixin
    HashCacheOptions hashCache;

    public Manifest build(Path dir) {
        if (hashCache.conflicting()) {
            throw new ParameterException(spec.commandLine(), "--cache-dir and --no-cache exclude each other: give one");
        }
        Environment env = ((AssetsDeploy) spec.root().userObject()).env();
        ManifestBuilder builder = new ManifestBuilder(
                        maxFiles, Runtime.getRuntime().availableProcessors())
                .withCache(hashCache.location(env));
        boolean given = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--max-files");
        return (given ? builder.withoutFreePlanWarning() : builder).build(dir);
    }

    /** Prints the manifest's warnings as {@code warning: ...} lines; returns how many. */
    static int printWarnings(Manifest manifest, PrintWriter err) {
        return Warnings.print(
                manifest.warnings().stream().map(ManifestWarning::message).toList(), err);
    }

    /**
     * Prints the hash cache's warnings, which {@code --strict} does not count: a cache that cannot be used only
     * means the files are hashed again.
     */
    static void printCacheWarnings(Manifest manifest, PrintWriter err) {
        Warnings.print(manifest.cache().warnings(), err);
    }

    /** The cache's warnings, and with {@code --verbose} how many hashes it gave (upload and all: on stderr). */
    static void printCacheUse(Manifest manifest, OutputOptions output, PrintWriter err) {
        printCacheWarnings(manifest, err);
        if (output.verbose()) {
            err.println(ManifestReport.cacheLine(manifest));
            err.flush();
        }
    }
}
