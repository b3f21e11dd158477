package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.RetryPolicy;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Timeouts and attempts of API requests, for {@code upload}, {@code deploy} and {@code all}. */
public final class RequestOptions {

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "120",
            description = "A request fails, and is retried, when nothing could be sent or received for SECONDS,"
                    + " or when it has run for " + ApiSettings.DEADLINE_TIMEOUTS + " times SECONDS in all, body and"
                    + " answer (default: ${DEFAULT-VALUE}, so at most 10 minutes; raise it on a slow link).")
    int timeoutSeconds;

    @Option(
            names = "--max-attempts",
            paramLabel = "N",
            defaultValue = "6",
            description = "Attempts per request before the command fails (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    /** Fails on a value out of range (a usage error, before anything else is looked at). */
    void check(CommandSpec spec) {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1 second");
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new ParameterException(spec.commandLine(), "--max-attempts must be between 1 and 20");
        }
    }

    /** {@code settings} with these timeouts and attempts, waiting between attempts with the environment's sleeper. */
    ApiSettings apply(ApiSettings settings, CommandSpec spec, Environment env) {
        check(spec);
        return settings.withTimeouts(ApiSettings.DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(timeoutSeconds))
                .withRetry(RetryPolicy.DEFAULT.withMaxAttempts(maxAttempts).withSleeper(env.sleeper()));
    }
}
