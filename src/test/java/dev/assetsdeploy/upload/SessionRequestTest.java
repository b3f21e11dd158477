package dev.assetsdeploy.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.assetsdeploy.manifest.HashCacheUse;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRequestTest {

    private static final Manifest MANIFEST = new Manifest(
            Path.of("/site"),
            List.of(
                    new ManifestEntry("/a \"b\".html", "0123456789abcdef0123456789abcdef", 3, null, Path.of("/f")),
                    new ManifestEntry("/c.css", "fedcba9876543210fedcba9876543210", 5, null, Path.of("/g"))),
            List.of(),
            List.of(),
            HashCacheUse.off("off", List.of()));

    private static final String BODY =
            "{\"manifest\":{\"/a \\\"b\\\".html\":{\"hash\":\"0123456789abcdef0123456789abcdef\","
                    + "\"size\":3},\"/c.css\":{\"hash\":\"fedcba9876543210fedcba9876543210\",\"size\":5}}}";

    @Test
    void aPreparedBodyIsTheOneWrittenWhenNeededAndEachSessionSendsTheSame() {
        SessionRequest prepared = SessionRequest.prepare(MANIFEST);
        SessionRequest lazy = SessionRequest.of(MANIFEST);
        assertEquals(BODY, prepared.body());
        assertEquals(BODY, lazy.body());
        assertSame(prepared.body(), prepared.body());
        assertSame(lazy.body(), lazy.body());
        assertSame(MANIFEST, prepared.manifest());
    }
}
