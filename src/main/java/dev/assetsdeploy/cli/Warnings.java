package dev.assetsdeploy.cli;

import dev.assetsdeploy.ShortList;
import dev.assetsdeploy.TerminalText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Warnings on stderr: one {@code warning: <message>} line each, the one format for config, folder and routing
 * files. A message quotes names and file text, so it is escaped for the terminal.
 */
final class Warnings {

    private Warnings() {}

    /** Prints the first {@value ShortList#SHOWN} and how many more; returns how many in all, for {@code --strict}. */
    static int print(List<String> messages, PrintWriter err) {
        ShortList.of(messages).forEach(message -> err.println("warning: " + TerminalText.escape(message)));
        err.flush();
        return messages.size();
    }
}
