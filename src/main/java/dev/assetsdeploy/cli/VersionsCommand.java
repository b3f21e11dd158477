package dev.assetsdeploy.cli;

import picocli.CommandLine.Command;

@Command(
        name = "versions",
        mixinStandardHelpOptions = true,
        description = "The versions of an existing Worker: list them, view one, deploy one or split the traffic"
                + " between two. Upload new ones with `all --version-only` (or `deploy --version-only`).",
        subcommands = {VersionsListCommand.class, VersionsViewCommand.class, VersionsDeployCommand.class})
final class VersionsCommand extends CommandGroup {}
