package dev.assetsdeploy.cli;

import dev.assetsdeploy.PathName;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The flags whose value becomes a segment of an API path ({@code --account-id}, {@code --script},
 * {@code --dispatch-namespace}): a value that breaks Cloudflare's rule for it is a usage error, before any work.
 */
final class NameFlags {

    private NameFlags() {}

    /** Fails on {@code value} of {@code flag} (when given) breaking {@code rule}. */
    static void check(CommandSpec spec, String flag, PathName rule, String value) {
        String problem = value == null ? null : rule.problem(flag, value);
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    /** {@code --script} with the rule for a Worker in a dispatch namespace, or in the account. */
    static void checkScript(CommandSpec spec, String script, boolean inDispatchNamespace) {
        check(spec, "--script", PathName.workerName(inDispatchNamespace), script);
    }
}
