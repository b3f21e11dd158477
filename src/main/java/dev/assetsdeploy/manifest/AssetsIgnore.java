package dev.assetsdeploy.manifest;

import dev.assetsdeploy.AssetsDeployException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The ignore rules of an assets folder, as wrangler applies them: {@code /.assetsignore},
 * {@code /_redirects} and {@code /_headers} always, then the lines of the root
 * {@code .assetsignore}, matched like wrangler's {@code ignore} package (see {@link IgnorePattern}):
 * gitignore semantics, case-insensitive. The last rule that matches a path decides, so
 * {@code !_headers} re-includes it.
 */
public final class AssetsIgnore {

    public static final String FILE_NAME = ".assetsignore";
    private static final List<String> ALWAYS = List.of("/" + FILE_NAME, "/_redirects", "/_headers");

    private record Rule(IgnorePattern pattern, String source) {}

    private final List<Rule> rules;
    private final boolean filePresent;

    private AssetsIgnore(List<Rule> rules, boolean filePresent) {
        this.rules = rules;
        this.filePresent = filePresent;
    }

    /** Reads {@code <root>/.assetsignore} if there is one. */
    public static AssetsIgnore load(Path root) {
        Path file = root.resolve(FILE_NAME);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return parse(null);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read " + file + ": " + e.getMessage(), e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw AssetsDeployException.invalidInput(
                    file + " must be UTF-8 text without NUL characters:" + " save it as UTF-8 and try again");
        }
        return parse(text);
    }

    /** Rules from the text of an {@code .assetsignore} ({@code null}: there is none). */
    public static AssetsIgnore parse(String assetsIgnoreText) {
        List<Rule> rules = new ArrayList<>();
        for (String pattern : ALWAYS) {
            rules.add(new Rule(IgnorePattern.of(pattern), "always ignored: " + pattern));
        }
        if (assetsIgnoreText != null) {
            // wrangler splits on "\n" only; a Windows "\r" is then trailing white space, and every
            // line goes to the ignore package as it is (a BOM is its business, line by line).
            String[] lines = assetsIgnoreText.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (!IgnorePattern.isRule(line)) {
                    continue;
                }
                String where = FILE_NAME + ":" + (i + 1);
                try {
                    rules.add(new Rule(IgnorePattern.of(line), where + ": " + printable(line)));
                } catch (PatternSyntaxException e) {
                    throw AssetsDeployException.invalidInput(
                            where + ": '" + printable(line)
                                    + "' is not a pattern wrangler can read (it would crash on it): fix or remove the line",
                            e);
                }
            }
        }
        return new AssetsIgnore(List.copyOf(rules), assetsIgnoreText != null);
    }

    /** A line as it can be shown on one line: trailing white space and control characters made visible. */
    private static String printable(String line) {
        StringBuilder out = new StringBuilder();
        line.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0xFEFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Whether the folder has an {@code .assetsignore} (it lifts the {@code _worker.js} guard). */
    public boolean filePresent() {
        return filePresent;
    }

    /**
     * The rule that ignores {@code relativePath} (no leading slash, {@code /} separators), or
     * {@code null} when it is included. A folder is tested as {@code path/}, as the ignore
     * package tests the parents of a path. Parent folders are the caller's business: a walk
     * that skips an ignored folder never asks about what is inside it, and nothing inside an
     * ignored folder can be re-included.
     */
    public String ignoredBy(String relativePath, boolean directory) {
        String path = directory ? relativePath + "/" : relativePath;
        // ignore's _testOne: a positive rule matters only while the path is not ignored, a
        // negative one only while it is; in effect the last matching rule decides.
        String ignoredBy = null;
        for (Rule rule : rules) {
            IgnorePattern pattern = rule.pattern();
            if (pattern.negative() == (ignoredBy == null)) {
                continue;
            }
            if (pattern.matches(path)) {
                ignoredBy = pattern.negative() ? null : rule.source();
            }
        }
        return ignoredBy;
    }
}
