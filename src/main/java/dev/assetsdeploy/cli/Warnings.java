package dev.assetsdeploy.cli;

import java.io.PrintWriter;
import java.util.List;

/** Warnings on stderr: one {@code warning: <message>} line each, the one format for config, folder and routing files. */
final class Warnings {

    private Warnings() {}

    /** Prints them; returns how many, for {@code --strict}. */
    static int print(List<String> messages, PrintWriter err) {
        messages.forEach(message -> err.println("warning: " + message));
        err.flush();
        return messages.size();
    }
}
