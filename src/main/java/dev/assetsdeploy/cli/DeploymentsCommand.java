package dev.assetsdeploy.cli;

import picocli.CommandLine.Command;

@Command(
        name = "deployments",
        mixinStandardHelpOptions = true,
        description = "The deployments of an existing Worker: which versions serve its traffic, in what shares,"
                + " now and before.",
        subcommands = {DeploymentsListCommand.class, DeploymentsStatusCommand.class})
final class DeploymentsCommand extends CommandGroup {}
