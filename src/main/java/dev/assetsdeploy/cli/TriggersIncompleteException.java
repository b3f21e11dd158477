package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import java.util.List;

/**
 * The triggers phase did not apply whole (exit 5): its message is several lines (what is deployed, each part that
 * failed, the command that finishes it), each printed as an error line of its own and escaped on its own.
 */
final class TriggersIncompleteException extends AssetsDeployException {

    private final List<String> lines;

    TriggersIncompleteException(List<String> lines) {
        super(Kind.API_REFUSED, String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    List<String> lines() {
        return lines;
    }
}
