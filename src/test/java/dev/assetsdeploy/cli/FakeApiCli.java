package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.util.HashMap;
import java.util.Map;

/**
 * In-process runs of the command line against a fresh fake API: the environment that points at it (tests add to
 * it), and what the last run printed, which never holds the API token or a JWT.
 */
final class FakeApiCli implements AutoCloseable {

    final FakeCloudflareApi api = FakeCloudflareApi.start();
    final Map<String, String> env = new HashMap<>(api.environment());
    String out;
    String err;

    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        assertFalse((out + err).contains(api.settings.apiToken), "the API token was printed");
        assertFalse((out + err).contains("eyJ"), "a JWT was printed");
        return run.code();
    }

    /** {@code all SITE --script SCRIPT} with a compatibility date (no config needed), then {@code extra}. */
    int deploy(java.nio.file.Path site, String script, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(
                java.util.List.of("all", site.toString(), "--script", script, "--compatibility-date", "2025-01-01"));
        args.addAll(java.util.List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Override
    public void close() {
        api.close();
    }
}
