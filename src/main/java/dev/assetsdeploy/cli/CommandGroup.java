package dev.assetsdeploy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code versions}, {@code deployments}): alone, it is a usage error. */
abstract class CommandGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                spec.name() + " needs a subcommand: "
                        + String.join(", ", spec.subcommands().keySet()));
    }
}
