package dev.assetsdeploy.readme;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a README command line as a POSIX shell would, for the plain lines a README shows:
 * words, single and double quotes, backslash escapes, {@code #} comments and {@code &&} chains.
 * Anything a shell would expand or redirect ({@code $}, globs, pipes, redirections, ...) is refused,
 * so a line is never run differently from how a shell would run it.
 */
final class ShellWords {

    /** A line this splitter will not interpret. */
    static final class UnsupportedSyntax extends RuntimeException {
        UnsupportedSyntax(String message) {
            super(message);
        }
    }

    private static final String REFUSED = "$`|;<>()&*?[]{}~!";

    private ShellWords() {}

    /** The commands of {@code line} (several when joined by {@code &&}), each as its words. */
    static List<List<String>> commands(String line) {
        List<List<String>> commands = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                word = endWord(words, word);
                i++;
            } else if (c == '#' && word == null) {
                break;
            } else if (c == '&' && word == null && line.startsWith("&&", i)) {
                commands.add(nonEmpty(words, line));
                words = new ArrayList<>();
                i += 2;
            } else if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new UnsupportedSyntax("unterminated ' quote");
                }
                word = (word == null ? new StringBuilder() : word).append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                i = doubleQuoted(line, i + 1, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new UnsupportedSyntax("a \\ ends the line (join continued lines first)");
                }
                word = (word == null ? new StringBuilder() : word).append(line.charAt(i + 1));
                i += 2;
            } else if (REFUSED.indexOf(c) >= 0) {
                throw new UnsupportedSyntax("unquoted '" + c + "' (the shell would expand or redirect it)");
            } else {
                word = (word == null ? new StringBuilder() : word).append(c);
                i++;
            }
        }
        endWord(words, word);
        if (!words.isEmpty() || !commands.isEmpty()) {
            commands.add(nonEmpty(words, line));
        }
        return commands;
    }

    /** The lines of a block with backslash-newline continuations joined, as a shell reads them. */
    static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines) {
            if (line.endsWith("\\") && !line.endsWith("\\\\")) {
                pending.append(line, 0, line.length() - 1);
            } else {
                joined.add(pending.append(line).toString());
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) {
            joined.add(pending.toString());
        }
        return joined;
    }

    private static int doubleQuoted(String line, int i, StringBuilder word) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$' || c == '`' || c == '!') {
                throw new UnsupportedSyntax("'" + c + "' inside double quotes (the shell would expand it)");
            } else {
                word.append(c);
                i++;
            }
        }
        throw new UnsupportedSyntax("unterminated \" quote");
    }

    private static StringBuilder endWord(List<String> words, StringBuilder word) {
        if (word != null) {
            words.add(word.toString());
        }
        return null;
    }

    private static List<String> nonEmpty(List<String> words, String line) {
        if (words.isEmpty()) {
            throw new UnsupportedSyntax("empty command around &&");
        }
        return List.copyOf(words);
    }
}
