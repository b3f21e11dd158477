package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;

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
}
