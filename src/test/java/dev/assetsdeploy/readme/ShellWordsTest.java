package dev.assetsdeploy.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsWordsQuotesEscapesAndComments() {
        assertEquals(
                List.of(List.of("assets-deploy", "manifest", "./public")),
                ShellWords.commands("assets-deploy manifest ./public          # what would be published"));
        assertEquals(
                List.of(List.of("a", "it's here", "x y\"z$", "/api/*", "p q", "--m=a b", "c#d")),
                ShellWords.commands("a 'it'\\''s here' \"x y\\\"z\\$\" '/api/*' p\\ q --m=\"a b\" c#d"));
        assertEquals(List.of(List.of("export", "X=...")), ShellWords.commands("export X=...   # a comment"));
        assertEquals(List.of(), ShellWords.commands("   # only a comment"));
        assertEquals(List.of(), ShellWords.commands(""));
        assertEquals(List.of(List.of("x", "")), ShellWords.commands("x ''"));
    }

    @Test
    void splitsAndChains() {
        assertEquals(
                List.of(List.of("mvn", "-q", "package"), List.of("java", "-jar", "t.jar", "a&&b")),
                ShellWords.commands("mvn -q package && java -jar t.jar 'a&&b'"));
    }

    @Test
    void refusesWhatAShellWouldExpandOrRedirect() {
        for (String line : List.of(
                "a $HOME",
                "a \"$HOME\"",
                "a `b`",
                "a | b",
                "a; b",
                "a > f",
                "a < f",
                "a &",
                "a /api/*",
                "a ~/x",
                "a {b,c}",
                "(a)",
                "a 'open",
                "a \"open",
                "&& a",
                "a &&",
                "a \\")) {
            assertThrows(ShellWords.UnsupportedSyntax.class, () -> ShellWords.commands(line), line);
        }
    }

    @Test
    void joinsContinuedLines() {
        assertEquals(List.of("a b c", "d"), ShellWords.joinContinuations(List.of("a \\", "b \\", "c", "d")));
    }
}
