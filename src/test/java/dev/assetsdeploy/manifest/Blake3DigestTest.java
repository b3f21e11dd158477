package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our BLAKE3 against Commons Codec's, the reference we replaced for speed. */
class Blake3DigestTest {

    private static byte[] reference(byte[] input) {
        byte[] out = new byte[32];
        Blake3.initHash().update(input).doFinalize(out);
        return out;
    }

    private static byte[] ours(byte[] input, int piece) {
        Blake3Digest digest = new Blake3Digest();
        for (int off = 0; off < input.length; off += piece) {
            digest.update(input, off, Math.min(piece, input.length - off));
        }
        byte[] out = new byte[32];
        digest.finish(out);
        return out;
    }

    private static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(
            ints = {
                0,
                1,
                63,
                64,
                65,
                127,
                128,
                1023,
                1024,
                1025,
                2047,
                2048,
                2049,
                3072,
                4096,
                4097,
                8 * 1024 + 1,
                31 * 1024,
                32 * 1024 + 7,
                100_000,
                1 << 20,
                (1 << 20) + 1
            })
    void sameDigestAsCommonsCodecAtBlockAndChunkBoundaries(int length) {
        byte[] input = bytes(length, length);
        byte[] expected = reference(input);
        assertArrayEquals(expected, ours(input, Math.max(1, length)), "one update");
        assertArrayEquals(expected, ours(input, 64), "block-sized updates");
        assertArrayEquals(expected, ours(input, 1000), "odd-sized updates");
        assertArrayEquals(expected, ours(input, 1), "byte by byte");
    }

    @Test
    void sameDigestForEveryLengthUpToThreeChunks() {
        IntStream.rangeClosed(0, 3 * 1024 + 1).forEach(length -> {
            byte[] input = bytes(length, 7);
            assertArrayEquals(reference(input), ours(input, 97), "length " + length);
        });
    }

    @Test
    void resetMakesAnInstanceReusable() {
        Blake3Digest digest = new Blake3Digest();
        byte[] first = bytes(5000, 1);
        digest.update(first, 0, first.length);
        digest.finish(new byte[32]);
        digest.reset();
        byte[] second = bytes(3000, 2);
        digest.update(second, 0, second.length);
        byte[] out = new byte[32];
        digest.finish(out);
        assertArrayEquals(reference(second), out);
    }
}
