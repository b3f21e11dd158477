package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.upload.UploadPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --concurrency} of {@code upload} and {@code all}, checked as it is parsed: a usage error before any work. */
public final class ConcurrencyOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private int concurrency = UploadPolicy.DEFAULT_CONCURRENCY;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            defaultValue = "" + UploadPolicy.DEFAULT_CONCURRENCY,
            description = "Upload requests in flight at most (default: ${DEFAULT-VALUE}; lowered automatically when"
                    + " the API asks).")
    void concurrency(int n) {
        if (n < 1 || n > UploadPolicy.MAX_CONCURRENCY) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--concurrency must be between 1 and " + UploadPolicy.MAX_CONCURRENCY + ", not " + n);
        }
        concurrency = n;
    }

    /** The uploader's policy: this concurrency, {@code retry} per bucket, the defaults for the rest. */
    UploadPolicy policy(RetryPolicy retry) {
        return UploadPolicy.defaults().withConcurrency(concurrency).withRetry(retry);
    }
}
