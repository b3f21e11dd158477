package dev.assetsdeploy.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --allow-unsupported KEY}: of {@code deploy} and {@code all} (in {@link DeployOptions}), and {@code triggers}. */
public final class UnsupportedKeysOptions {

    @Option(
            names = "--allow-unsupported",
            paramLabel = "KEY",
            description = "Deploy the Worker without this config key that assets-deploy refuses (repeatable): unsafe,"
                    + " containers, queues.consumers, workflows (defined by this Worker), raw, ... (see README: Bindings and"
                    + " Worker settings). Without it such a key stops the deploy before any request.")
    List<String> keys = new ArrayList<>();
}
