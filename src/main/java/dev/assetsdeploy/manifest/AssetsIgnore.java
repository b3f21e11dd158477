package dev.assetsdeploy.manifest;

import dev.assetsdeploy.error.AssetsDeployException;
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
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * The ignore rules of an assets folder, as wrangler applies them: {@code /.assetsignore},
 * {@code /_redirects} and {@code /_headers} always, then the lines of the root
 * {@code .assetsignore}, with gitignore semantics (JGit's {@link FastIgnoreRule}).
 * The last rule that matches a path decides, so {@code !_headers} re-includes it.
 */
public final class AssetsIgnore {

    public static final String FILE_NAME = ".assetsignore";
    private static final List<String> ALWAYS = List.of("/" + FILE_NAME, "/_redirects", "/_headers");

    private record Rule(FastIgnoreRule matcher, String source) {
    }

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
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = null;
        }
        if (text == null || text.indexOf('\0') >= 0) {
            throw AssetsDeployException.invalidInput(file + " must be UTF-8 text without NUL characters:"
                    + " save it as UTF-8 and try again");
        }
        return parse(text);
    }

    /** Rules from the text of an {@code .assetsignore} ({@code null}: there is none). */
    public static AssetsIgnore parse(String assetsIgnoreText) {
        List<Rule> rules = new ArrayList<>();
        for (String pattern : ALWAYS) {
            rules.add(new Rule(new FastIgnoreRule(pattern), "always ignored: " + pattern));
        }
        if (assetsIgnoreText != null) {
            String text = assetsIgnoreText.startsWith("\uFEFF") ? assetsIgnoreText.substring(1) : assetsIgnoreText;
            // wrangler splits on "\n" only; a Windows "\r" is trailing white space to gitignore.
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty() || line.startsWith("#") || line.equals("/")) {
                    continue;
                }
                FastIgnoreRule rule = new FastIgnoreRule(line);
                if (!rule.isEmpty()) {
                    rules.add(new Rule(rule, FILE_NAME + ":" + (i + 1) + ": " + line.strip()));
                }
            }
        }
        return new AssetsIgnore(List.copyOf(rules), assetsIgnoreText != null);
    }

    /** Whether the folder has an {@code .assetsignore} (it lifts the {@code _worker.js} guard). */
    public boolean filePresent() {
        return filePresent;
    }

    /**
     * The rule that ignores {@code relativePath} (no leading slash, {@code /} separators), or
     * {@code null} when it is included. Parent folders are the caller's business: a walk
     * that skips an ignored folder never asks about what is inside it.
     */
    public String ignoredBy(String relativePath, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.matcher().isMatch(relativePath, directory)) {
                return rule.matcher().getResult() ? rule.source() : null;
            }
        }
        return null;
    }
}
