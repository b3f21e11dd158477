package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Corners of Cloudflare's rule patterns that the recordings do not reach. */
class RulePatternTest {

    @Test
    void placeholdersAndSplatsCaptureInPatternOrder() {
        RulePattern pattern = RulePattern.compile("/:lang/docs/*");
        assertEquals(Map.of("splat", "a/b", "lang", "en"), pattern.match("h", "/en/docs/a/b"));
        assertEquals(
                List.of("lang", "splat"),
                List.copyOf(pattern.match("h", "/en/docs/a/b").keySet()),
                "groups in the order they appear, as JavaScript's match.groups (the replacement order)");
        assertNull(pattern.match("h", "/en/fr/docs/a"));
        assertEquals(
                Map.of("my_id", "7"), RulePattern.compile("/u/:my_id").match("h", "/u/7"), "JavaScript \\w allows _");
    }

    @Test
    void aNameUsedTwiceMakesTheRuleMatchNothing() {
        assertNull(RulePattern.compile("/:a/:a"));
        assertNull(RulePattern.compile("/:a/:ab"), "':a' is replaced inside ':ab' too, as split/join does");
        assertNull(RulePattern.compile("/*/*"));
    }

    @Test
    void hostPlaceholdersMatchOneLabel() {
        RulePattern pattern = RulePattern.compile("https://:sub.example.com/*");
        assertEquals("app", pattern.match("app.example.com", "/x").get("sub"));
        assertNull(pattern.match("a.b.example.com", "/x"));
    }

    @Test
    void replacementsFollowJavaScriptReplaceAll() {
        assertEquals("/news/$&x", RulePattern.replace("/news/:splat", Map.of("splat", "$$&x")));
        assertEquals("/news/:splat", RulePattern.replace("/news/:splat", Map.of("splat", "$&")));
        assertEquals("/p/1/1", RulePattern.replace("/p/:id/:id", Map.of("id", "1")));
    }
}
