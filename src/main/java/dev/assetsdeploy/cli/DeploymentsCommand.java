package dev.assetsdeploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "deployments",
        mixinStandardHelpOptions = true,
        description = "The deployments of an existing Worker: which versions serve its traffic, in what shares,"
                + " now and before.",
        subcommands = {DeploymentsListCommand.class, DeploymentsStatusCommand.class})
final class DeploymentsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "deployments needs a subcommand: list or status");
    }
}
