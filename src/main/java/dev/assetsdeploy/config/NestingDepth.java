package dev.assetsdeploy.config;

import dev.assetsdeploy.AssetsDeployException;

/**
 * A bound on how deep a config may nest, checked before a parser recurses into it: tomlj's parser
 * (and a deep enough JSON) would end in a StackOverflowError. A wrangler config nests a few levels
 * ({@code env.staging.assets.run_worker_first}); {@value #MAX} is far beyond any real one.
 */
final class NestingDepth {

    static final int MAX = 64;

    private NestingDepth() {}

    static AssetsDeployException tooDeep(String where) {
        return AssetsDeployException.invalidInput(where + " nested more than " + MAX
                + " levels deep (a wrangler config needs a few):" + " is this the file you meant?");
    }

    /**
     * Fails at the first {@code [} or {@code {} of a TOML text nested deeper than {@link #MAX}, counting only
     * those outside strings and comments.
     */
    static void checkToml(String text, String displayName) {
        int depth = 0;
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            } else if (c == '#') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'') {
                int end = endOfString(text, i);
                for (int j = i; j < end; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                        lineStart = j + 1;
                    }
                }
                i = end - 1;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX) {
                    throw tooDeep(displayName + ":" + line + ":" + (i - lineStart + 1) + ":");
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
    }

    /** Just after the string opening at {@code start}: basic or literal, on one line or multi-line. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        String triple = String.valueOf(quote).repeat(3);
        boolean multiline = text.startsWith(triple, start);
        int i = start + (multiline ? 3 : 1);
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && quote == '"') {
                i += 2;
            } else if (multiline ? text.startsWith(triple, i) : c == quote) {
                return i + (multiline ? 3 : 1);
            } else if (c == '\n' && !multiline) {
                return i;
            } else {
                i++;
            }
        }
        return text.length();
    }
}
