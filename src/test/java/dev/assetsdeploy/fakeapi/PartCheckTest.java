package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assetsdeploy.manifest.Base64Blake3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fake refuses a bucket part that is not standard padded Base64, as the API does. */
class PartCheckTest {

    private static final byte[] RAW = "hello, world".getBytes(StandardCharsets.UTF_8); // 12 bytes: no padding
    private static final String HASH = hash(RAW);

    private static String hash(byte[] raw) {
        Base64Blake3 hasher = new Base64Blake3();
        hasher.update(raw, raw.length, new byte[4 * ((raw.length + 2) / 3)]);
        return hasher.finish("/a.txt");
    }

    private static String check(String text, long size, String hash) throws IOException {
        return PartCheck.check(
                Map.of(hash, "/a.txt"),
                Map.of(hash, size),
                hash,
                "text/plain",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                true);
    }

    @Test
    void acceptsTheAssetsBase64TextPaddedOrNot() throws IOException {
        assertNull(check("aGVsbG8sIHdvcmxk", RAW.length, HASH));
        byte[] eleven = "hello, worl".getBytes(StandardCharsets.UTF_8);
        assertNull(check("aGVsbG8sIHdvcmw=", eleven.length, hash(eleven)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "aGVsbG8sIHdvcmx-", // URL-safe alphabet
                "aGVsbG8sIHdvcmx\u00e9", // a byte above 127
                "aGVsbG8s IHdvcmxk", // white space
                "aGVsbG8sIHdvcm=k", // a letter after padding
                "aGVsbG8sIHdvc===", // three padding characters
                "aGVsbG8sIHdvcmx", // not a multiple of four
            })
    void refusesTextThatIsNotStandardPaddedBase64(String text) throws IOException {
        assertEquals("part " + HASH + " is not standard padded Base64", check(text, RAW.length, HASH));
    }
}
