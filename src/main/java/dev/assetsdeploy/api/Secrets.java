package dev.assetsdeploy.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of what we print: every message that quotes a server's answer goes through {@link #scrub}, and
 * a server's text is scrubbed whole before {@link #quote} cuts it, so no secret straddles the cut half-printed.
 */
public final class Secrets {

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private Secrets() {}

    /**
     * {@code text} with each of {@code secrets} (however short) and any JWT replaced by {@code ***}; a secret with a
     * line break is also replaced line by line, in case the text was joined into one line.
     */
    public static String scrub(String text, List<String> secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            out = out.replace(secret, "***");
            for (String line : LINE_BREAKS.split(secret)) {
                if (!line.isEmpty()) {
                    out = out.replace(line, "***");
                }
            }
        }
        return JWT.matcher(out).replaceAll("***");
    }

    /**
     * A server's text as a message quotes it: scrubbed, on one line (line breaks and tabs as spaces, other control
     * characters as {@code ?}), then cut to at most {@code maxBytes} of UTF-8 at a character boundary, with
     * {@code …} when cut.
     */
    public static String quote(String text, List<String> secrets, int maxBytes) {
        String line = scrub(text, secrets)
                .replaceAll("[\\r\\n\\t]+", " ")
                .replaceAll("\\p{Cntrl}", "?")
                .strip();
        byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxBytes) {
            return '"' + line + '"';
        }
        int end = maxBytes;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // not inside a character
        }
        return '"' + new String(utf8, 0, end, StandardCharsets.UTF_8) + "…\"";
    }
}
