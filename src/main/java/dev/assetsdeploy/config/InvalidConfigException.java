package dev.assetsdeploy.config;

import dev.assetsdeploy.AssetsDeployException;
import java.util.List;

/**
 * The config (file, {@code --env} section or flags) is invalid. Every problem is one line naming
 * the file and field (or the flag) and the allowed values; the message is those lines joined by
 * line breaks, so all of them are reported at once.
 */
public final class InvalidConfigException extends AssetsDeployException {

    private final List<String> problems;

    public InvalidConfigException(List<String> problems) {
        super(Kind.INVALID_INPUT, String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
