package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RedirectsFileTest {

    @Test
    void parsesStatusesPlaceholdersAndComments() {
        RedirectsFile.Parsed parsed = RedirectsFile.parse("""
                # comment
                /old /new 301
                /default /about/
                  /indented\t/x   308   # trailing comment
                /blog/* /news/:splat 301
                /users/:id /u/:id 200
                /hex /y 0x12D
                """);
        assertEquals(List.of(), parsed.problems());
        assertEquals(
                List.of(
                        new RedirectsFile.Rule("/old", "/new", 301, 2),
                        new RedirectsFile.Rule("/default", "/about/", 302, 3),
                        new RedirectsFile.Rule("/indented", "/x", 308, 4),
                        new RedirectsFile.Rule("/blog/*", "/news/:splat", 301, 5),
                        new RedirectsFile.Rule("/users/:id", "/u/:id", 200, 6),
                        new RedirectsFile.Rule("/hex", "/y", 301, 7)),
                parsed.rules());
        assertEquals(
                List.of("/old", "/default", "/indented"),
                List.copyOf(parsed.staticRules().keySet()));
        assertEquals(
                List.of("/blog/*", "/users/:id", "/hex"),
                List.copyOf(parsed.dynamicRules().keySet()),
                "a static rule after a dynamic one is matched in order with the dynamic ones");
    }

    @Test
    void normalisesPathsAsTheUrlParserDoes() {
        RedirectsFile.Parsed parsed = RedirectsFile.parse("/café /a\n/x/../y /z?q=\"#h\nno-slash /t\n/sp /a\u00A0b\n");
        assertEquals(
                List.of("/caf%C3%A9", "/y", "/no-slash"),
                parsed.rules().stream().map(RedirectsFile.Rule::from).toList());
        assertEquals("/z?q=%22#h", parsed.rules().get(1).to());
        assertEquals(
                List.of(new RoutingFileProblem(
                        4, "Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got b.")),
                parsed.problems(),
                "a no-break space separates tokens, as JavaScript's \\s does");
    }

    @Test
    void reportsEveryInvalidLineWithItsNumberAndCloudflaresMessage() {
        RedirectsFile.Parsed parsed = RedirectsFile.parse(String.join(
                "\n",
                "/dup /a 301",
                "/dup /b 301",
                "/bad /x 404",
                "/one",
                "/a /b 301 extra",
                "https://example.com/x /y",
                "/p https://example.com/ 200",
                "/spa/* /index.html 200",
                "/dir/ /dir/index 301",
                "/rel about"));
        assertEquals(
                List.of(
                        new RoutingFileProblem(2, "Ignoring duplicate rule for path /dup."),
                        new RoutingFileProblem(
                                3, "Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 404."),
                        new RoutingFileProblem(4, "Expected exactly 2 or 3 whitespace-separated tokens. Got 1."),
                        new RoutingFileProblem(5, "Expected exactly 2 or 3 whitespace-separated tokens. Got 4."),
                        new RoutingFileProblem(
                                6, "Only relative URLs are allowed. Skipping absolute URL https://example.com/x."),
                        new RoutingFileProblem(
                                7, "Proxy (200) redirects can only point to relative paths. Got https://example.com/"),
                        new RoutingFileProblem(
                                8,
                                "Infinite loop detected in this rule and has been ignored. This will cause a"
                                        + " redirect to strip `.html` or `/index` and end up triggering this rule again. Please fix or"
                                        + " remove this rule to silence this warning."),
                        new RoutingFileProblem(9, parsed.problems().get(6).message()),
                        new RoutingFileProblem(
                                10,
                                "URLs should either be relative (e.g. begin with a forward-slash), or use"
                                        + " HTTPS (e.g. begin with \"https://\").")),
                parsed.problems());
        assertEquals(1, parsed.rules().size());
    }

    @Test
    void rootToIndexIsOnlyALoopWhenHtmlHandlingRewritesIt() {
        assertEquals(
                0,
                RedirectsFile.parse("/dir/ /dir/index.html 301", HtmlHandling.AUTO_TRAILING_SLASH)
                        .rules()
                        .size());
        assertEquals(
                1,
                RedirectsFile.parse("/dir/ /dir/index.html 301", HtmlHandling.NONE)
                        .rules()
                        .size());
    }

    @Test
    void enforcesTheLineAndRuleLimits() {
        String statics =
                IntStream.rangeClosed(1, 2001).mapToObj(i -> "/s" + i + " /t").collect(Collectors.joining("\n"));
        String dynamics =
                IntStream.rangeClosed(1, 101).mapToObj(i -> "/d" + i + "/* /t").collect(Collectors.joining("\n"));
        RedirectsFile.Parsed parsed =
                RedirectsFile.parse("/long /" + "x".repeat(2000) + "\n" + statics + "\n" + dynamics + "\n/after /t\n");
        assertEquals(2000 + 100, parsed.rules().size());
        assertEquals(
                new RoutingFileProblem(1, "Ignoring line 1 as it exceeds the maximum allowed length of 2000."),
                parsed.problems().get(0));
        assertEquals(
                new RoutingFileProblem(2002, "Maximum number of static rules supported is 2000. Skipping line."),
                parsed.problems().get(1));
        assertEquals(
                new RoutingFileProblem(
                        2103,
                        "Maximum number of dynamic rules supported is 100. Skipping" + " remaining 3 lines of file."),
                parsed.problems().get(2));
        assertTrue(parsed.rules().stream().noneMatch(r -> r.from().equals("/after")));
    }
}
