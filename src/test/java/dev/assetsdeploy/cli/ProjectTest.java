package dev.assetsdeploy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of CLI tests on a small project in a temporary folder: {@code public/index.html} and a
 * {@code wrangler.json} (Worker {@code site}) naming it. {@link #run} keeps what the command printed.
 */
abstract class ProjectTest {

    @TempDir
    Path dir;

    Path site;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void project() throws IOException {
        site = Files.createDirectories(dir.resolve("public"));
        Files.writeString(site.resolve("index.html"), "home");
        Files.writeString(
                dir.resolve("wrangler.json"),
                "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\", \"assets\": {\"directory\": \"public\"}}");
    }

    /** Runs the command line with {@link #env}; returns its exit code. */
    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    String config() {
        return dir.resolve("wrangler.json").toString();
    }
}
