package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeadersFileTest {

    @Test
    void parsesRulesRemovalsAndRepeatedNames() {
        HeadersFile.Parsed parsed = HeadersFile.parse("""
                # comment
                /*
                  X-Frame-Options: DENY
                  Link: </a.css>; rel=preload
                  Link: </b.js>; rel=preload
                /assets/:name
                  ! X-Frame-Options
                  X-Name: :name
                https://:sub.example.com/*
                  X-Sub: :sub
                """);
        assertEquals(List.of(), parsed.problems());
        assertEquals(
                List.of(
                        new HeadersFile.Rule(
                                "/*",
                                Map.of(
                                        "x-frame-options",
                                        "DENY",
                                        "link",
                                        "</a.css>; rel=preload, </b.js>; rel=preload"),
                                List.of(),
                                2),
                        new HeadersFile.Rule("/assets/:name", Map.of("x-name", ":name"), List.of("X-Frame-Options"), 6),
                        new HeadersFile.Rule("https://:sub.example.com/*", Map.of("x-sub", ":sub"), List.of(), 9)),
                parsed.rules());
    }

    @Test
    void aLaterBlockForTheSamePathReplacesTheEarlierOneInItsPlace() {
        HeadersFile.Parsed parsed = HeadersFile.parse("/a\n  X-1: one\n/b\n  X-2: two\n/a\n  X-3: three\n");
        assertEquals(List.of("/a", "/b"), List.copyOf(parsed.byPath().keySet()));
        assertEquals(Map.of("x-3", "three"), parsed.byPath().get("/a").set());
    }

    @Test
    void reportsEveryInvalidLineWithItsNumberAndCloudflaresMessage() {
        HeadersFile.Parsed parsed = HeadersFile.parse(String.join(
                "\n",
                "X-Before: path",
                "/empty",
                "/ok",
                "  no colon here",
                "  X Space: v",
                "  : no name",
                "  X-Empty:",
                "  X-Fine: yes",
                "/two/*/stars/*",
                "  X-Skipped: because the path was refused",
                "/mix/*/:splat",
                "https://example.com:8080/*",
                "http://example.com/*"));
        assertEquals(
                List.of(
                        new RoutingFileProblem(1, "Path should come before header (x-before: path)"),
                        new RoutingFileProblem(2, "No headers specified"),
                        new RoutingFileProblem(4, "Expected a colon-separated header pair (e.g. name: value)"),
                        new RoutingFileProblem(5, "Header name cannot include spaces"),
                        new RoutingFileProblem(6, "No header name specified"),
                        new RoutingFileProblem(7, "No header value specified"),
                        new RoutingFileProblem(
                                9,
                                "Only one wildcard is allowed per rule. Use a named placeholder (e.g. :project)"
                                        + " instead. Skipping /two/*/stars/*."),
                        new RoutingFileProblem(
                                11,
                                "Cannot combine a wildcard * with a :splat placeholder because wildcards are"
                                        + " converted to :splat at runtime. Skipping /mix/*/:splat."),
                        new RoutingFileProblem(
                                12,
                                "Specifying ports is not supported. Skipping absolute URL https://example.com:8080/*."),
                        new RoutingFileProblem(
                                13,
                                "URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS"
                                        + " (e.g. begin with \"https://\").")),
                parsed.problems());
        assertEquals(
                List.of("/ok"),
                parsed.rules().stream().map(HeadersFile.Rule::path).toList());
    }

    @Test
    void enforcesTheLimitsKeepingTheBlockInProgressAsCloudflareDoes() {
        String rules = IntStream.rangeClosed(1, 102)
                .mapToObj(i -> "/h" + i + "\n  X-Rule: " + i)
                .collect(Collectors.joining("\n"));
        HeadersFile.Parsed parsed = HeadersFile.parse("/long\n  X-Long: " + "y".repeat(2000) + "\n" + rules + "\n");
        assertEquals(101, parsed.rules().size());
        assertEquals("/h101", parsed.rules().get(100).path());
        assertEquals(
                List.of(
                        new RoutingFileProblem(2, "Ignoring line 2 as it exceeds the maximum allowed length of 2000."),
                        new RoutingFileProblem(1, "No headers specified"),
                        new RoutingFileProblem(
                                205, "Maximum number of rules supported is 100. Skipping remaining 3 lines of file.")),
                parsed.problems());
    }
}
