package dev.assetsdeploy.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ../shared/fixtures} beside the project (as CI lays it out), or one level further up
 * when the project is a git worktree in a folder of its own.
 */
public final class SharedFixtures {

    private SharedFixtures() {
    }

    public static Path path(String name) {
        for (String base : new String[] {"../shared/fixtures", "../../shared/fixtures"}) {
            Path candidate = Path.of(base, name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("fixture " + name + " not found in ../shared/fixtures");
    }
}
