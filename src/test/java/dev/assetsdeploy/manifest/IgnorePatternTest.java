package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A name anchored at the root ({@code /_headers}, the rules every folder has) answers without its regex for nested paths. */
class IgnorePatternTest {

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "/_headers, _headers, true",
        "/_headers, _HEADERS, true",
        "/_headers, _headers/, true",
        "/_headers, _headers/x, false",
        "/_headers, a/_headers, false",
        "/_headers, a/_headers/, false",
        "/_headers, _headersx, false",
        "/.assetsignore, .assetsignore, true",
        "/.assetsignore, sub/.assetsignore, false",
        "/a.b-c_d, A.B-C_D/, true",
        "/a.b-c_d, a.b-c_d/e, false",
    })
    void rootNameMatchesOnlyAtTheRoot(String line, String path, boolean expected) {
        assertEquals(expected, IgnorePattern.of(line).matches(path));
    }
}
