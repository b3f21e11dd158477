package dev.assetsdeploy.cli;

import java.util.Map;

/**
 * The process environment, injected so tests can run commands with any variables set.
 * Only the cli package reads it; core packages get plain values.
 */
public record Environment(Map<String, String> variables, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    public static Environment system() {
        boolean console = System.console() != null;
        return new Environment(System.getenv(), console, console);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables, false, false);
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean githubActions() {
        return "true".equals(get("GITHUB_ACTIONS"));
    }
}
