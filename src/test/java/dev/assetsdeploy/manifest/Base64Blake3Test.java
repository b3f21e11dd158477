package dev.assetsdeploy.manifest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Base64Blake3Test {

    /** Chunks of a multiple of 3 bytes (last one short) hand back the whole Base64 text, and hash it. */
    @ParameterizedTest(name = "{0} bytes in chunks of {1}")
    @CsvSource({"0, 3", "1, 3", "5, 3", "100, 48", "100000, 3072", "3072, 3072", "3073, 3072"})
    void chunksJoinIntoTheWholeTextAndItsHash(int size, int chunk) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Base64Blake3 hash = new Base64Blake3();
        byte[] raw = new byte[chunk];
        byte[] encoded = new byte[chunk / 3 * 4];
        StringBuilder text = new StringBuilder();
        for (int at = 0; at < size; at += chunk) {
            int length = Math.min(chunk, size - at);
            System.arraycopy(bytes, at, raw, 0, length);
            int n = hash.update(raw, length, encoded);
            text.append(new String(Arrays.copyOf(encoded, n), US_ASCII));
        }
        assertEquals(Base64.getEncoder().encodeToString(bytes), text.toString());
        assertEquals(AssetHasher.hash(bytes, "f.bin"), hash.finish("f.bin"));
    }

    @Test
    void finishStartsAfresh() {
        Base64Blake3 hash = new Base64Blake3();
        byte[] encoded = new byte[8];
        hash.update(new byte[] {1, 2, 3}, 3, encoded);
        hash.finish("a.txt");
        hash.update("abc".getBytes(US_ASCII), 3, encoded);
        assertEquals(AssetHasher.hash("abc".getBytes(US_ASCII), "a.txt"), hash.finish("a.txt"));
        assertArrayEquals("YWJj".getBytes(US_ASCII), Arrays.copyOf(encoded, 4));
    }
}
