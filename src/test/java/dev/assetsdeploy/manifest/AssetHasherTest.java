package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AssetHasherTest {

    @ParameterizedTest(name = "\"{0}\" + {1}")
    @CsvSource({
        "Content of file-1, file-1.txt, 0de3dd5df907418e9730fd2bd747bd5e",
        "something-binary, x.greg, 80e40c1f2422528cb2fba3f9389ce315",
    })
    void vectorsFromTheProtocolDoc(String content, String name, String hash) {
        assertEquals(hash, AssetHasher.hash(content.getBytes(StandardCharsets.UTF_8), name));
    }

    /** Node's path.extname, without the dot. */
    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(
            value = {
                "a.tar.gz|gz",
                ".htaccess|''",
                "LICENSE|''",
                "file.|''",
                "..foo|foo",
                "x.EXT|EXT",
                "..|''",
                "...|''",
                ".a.b|b",
                "a..b|b",
                "index.html|html",
                ".env.local|local",
                "noext.|''",
                "a.Tar.GZ|GZ",
            },
            delimiter = '|')
    void extensionIsNodesExtname(String name, String extension) {
        assertEquals(extension, AssetHasher.extension(name));
    }

    @Test
    void theHashedExtensionKeepsItsCase() {
        byte[] bytes = "same bytes".getBytes(StandardCharsets.UTF_8);
        assertEquals(reference(bytes, "EXT"), AssetHasher.hash(bytes, "x.EXT"));
        assertEquals(reference(bytes, ""), AssetHasher.hash(bytes, ".htaccess"));
    }

    /** Streaming in chunks gives the hash of the whole Base64 text, at and around the chunk size. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 98303, 98304, 98305, 196608, 196609, 300001})
    void streamedFileHashEqualsTheWholeTextHash(int size, @TempDir Path dir) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Path file = Fixtures.write(dir, "f.bin", bytes);
        AssetHasher.Hashed hashed = new AssetHasher().hash(file, "f.bin", size);
        assertEquals(reference(bytes, "bin"), hashed.hash());
        assertEquals(size, hashed.size());
    }

    /** The definition, with Commons Codec: hex(BLAKE3(base64(bytes) + ext))[0:32]. */
    private static String reference(byte[] bytes, String ext) {
        byte[] text = (Base64.getEncoder().encodeToString(bytes) + ext).getBytes(StandardCharsets.UTF_8);
        byte[] digest = new byte[32];
        Blake3.initHash().update(text).doFinalize(digest);
        return Hex.encodeHexString(digest).substring(0, 32);
    }
}
