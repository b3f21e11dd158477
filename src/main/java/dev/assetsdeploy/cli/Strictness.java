package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.deploy.DeployWarnings;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code --strict}: any warning fails the command, once the warnings are shown and before anything else
 * (a dry run's plan, a request).
 */
final class Strictness {

    private Strictness() {}

    static void check(OutputOptions output, int warnings) {
        if (output.strict() && warnings > 0) {
            throw AssetsDeployException.invalidInput(warnings + (warnings == 1 ? " warning" : " warnings")
                    + " with --strict: fix them (see above), or run without --strict");
        }
    }

    /** The deploy's warnings: on stderr, or, with --strict, an error that stops the deploy where it arises. */
    static DeployWarnings deployWarnings(OutputOptions output, PrintWriter err) {
        return message -> {
            if (output.strict()) {
                throw AssetsDeployException.invalidInput(message + " (an error with --strict)");
            }
            Warnings.print(List.of(message), err);
        };
    }
}
