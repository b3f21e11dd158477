package dev.assetsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersAreShownAsEscapes() {
        assertEquals(
                "a\\nb\\rc\\td\\ee\\x07f\\x00g\\x7fh\\x9bi",
                TerminalText.escape("a\nb\rc\td\u001be\u0007f\u0000g\u007fh\u009bi"));
    }

    @Test
    void bidiControlsAndLineSeparatorsAreShownAsEscapes() {
        assertEquals(
                "txt.\\u202eexe \\u2066x\\u2069 \\u200f \\u061c \\u2028\\u2029",
                TerminalText.escape("txt.\u202eexe \u2066x\u2069 \u200f \u061c \u2028\u2029"));
    }

    @Test
    void printableTextIsKeptAsItIs() {
        String text = "C:\\Users\\me\\café 日本語 😀 100% ::error:: \\n";
        assertSame(text, TerminalText.escape(text));
    }

    @Test
    void escapingTwiceChangesNothing() {
        String once = TerminalText.escape(".env\n::error title=X::\u001b[31m\u202e");
        assertEquals(once, TerminalText.escape(once));
    }
}
