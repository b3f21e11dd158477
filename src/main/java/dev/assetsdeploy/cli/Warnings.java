package dev.assetsdeploy.cli;

import dev.assetsdeploy.TerminalText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Warnings on stderr: one {@code warning: <message>} line each, the one format for config, folder and routing
 * files. A message quotes names and file text, so it is escaped for the terminal.
 */
final class Warnings {

    private Warnings() {}

    /** Prints them; returns how many, for {@code --strict}. */
    static int print(List<String> messages, PrintWriter err) {
        messages.forEach(message -> err.println("warning: " + TerminalText.escape(message)));
        err.flush();
        return messages.size();
    }
}
