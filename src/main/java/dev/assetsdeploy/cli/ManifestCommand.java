package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.IoReason;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestJson;
import dev.assetsdeploy.report.ManifestReport;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "manifest",
        mixinStandardHelpOptions = true,
        description = "Show what a deploy of DIR would publish: every file's path, hash, size and content type,"
                + " what is ignored and why, and warnings. Sends nothing.")
final class ManifestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The assets folder.")
    Path dir;

    @Mixin
    OutputOptions output;

    @Mixin
    ManifestOptions manifestOptions;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "Also write the upload-session request body {\"manifest\":{...}} to FILE (the exact body, no newline after it).")
    Path out;

    @Override
    public Integer call() throws IOException {
        Manifest manifest = manifestOptions.build(dir);
        ManifestOptions.printCacheWarnings(manifest, spec.commandLine().getErr());
        if (out != null) {
            writeRequestBody(manifest, out);
        }
        if (output.json()) {
            Writer stdout = new BufferedWriter(spec.commandLine().getOut(), 1 << 16);
            ManifestReport.writeJson(manifest, stdout);
            stdout.write(System.lineSeparator());
            stdout.flush();
        } else {
            ManifestReport.printText(
                    manifest, output.verbose(), spec.commandLine().getOut());
        }
        Strictness.check(output, manifest.warnings().size());
        return ExitCodes.OK;
    }

    private static void writeRequestBody(Manifest manifest, Path out) {
        try {
            Files.writeString(out, ManifestJson.uploadSessionRequest(manifest), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput(
                    "cannot write --out " + out + " (" + IoReason.of(e) + "): give a writable file path", e);
        }
    }
}
