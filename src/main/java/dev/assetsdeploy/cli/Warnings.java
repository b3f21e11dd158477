package dev.assetsdeploy.cli;

import dev.assetsdeploy.config.ConfigWarning;
import dev.assetsdeploy.manifest.ManifestWarning;
import java.io.PrintWriter;
import java.util.List;

/** Config and manifest warnings on stderr, one line each; returns how many (for --strict). */
final class Warnings {

    private Warnings() {
    }

    static int print(PrintWriter err, List<ConfigWarning> config, List<ManifestWarning> manifest) {
        int count = 0;
        for (ConfigWarning w : config) {
            err.println("warning: " + w.message());
            count++;
        }
        if (manifest != null) {
            for (ManifestWarning w : manifest) {
                err.println("warning: " + w.message());
                count++;
            }
        }
        err.flush();
        return count;
    }
}
