package dev.assetsdeploy.ship;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared fixtures: {@code ../shared/fixtures} beside the clone (CI), or two levels up from a worktree. */
final class Fixtures {

    private Fixtures() {
    }

    static Path compatSite() {
        for (String candidate : new String[] {"../shared/fixtures/compat-site", "../../shared/fixtures/compat-site"}) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        throw new AssertionError("shared fixtures not found: expected ../shared/fixtures beside the project");
    }
}
