package dev.assetsdeploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "versions",
        mixinStandardHelpOptions = true,
        description = "The versions of an existing Worker: list them, view one, deploy one or split the traffic"
                + " between two. Upload new ones with `all --version-only` (or `deploy --version-only`).",
        subcommands = {VersionsListCommand.class, VersionsViewCommand.class, VersionsDeployCommand.class})
final class VersionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "versions needs a subcommand: list, view or deploy");
    }
}
