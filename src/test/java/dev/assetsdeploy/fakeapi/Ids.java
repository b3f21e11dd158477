package dev.assetsdeploy.fakeapi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The fake's deterministic ids, computed exactly as the recording fake ({@code src/test/record/live/fake_api.py})
 * computes them, so that a run seeded from a recording hands out the ids wrangler saw: new versions and
 * deployments get the name-based UUID (version 5) of {@code fake-api/KIND/N} for a counter N, and tags, route,
 * domain and queue ids are the MD5 hex of their parts joined by {@code /}.
 */
final class Ids {

    /** RFC 4122's name space for URLs, the one {@code uuid.uuid5(uuid.NAMESPACE_URL, ...)} uses. */
    private static final UUID NAMESPACE_URL = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    private Ids() {}

    /** {@code uuid5(NAMESPACE_URL, "fake-api/" + kind + "/" + counter)}. */
    static String counted(String kind, int counter) {
        return uuid5("fake-api/" + kind + "/" + counter);
    }

    /** {@code uuid.uuid5(uuid.NAMESPACE_URL, name)}. */
    static String uuid5(String text) {
        byte[] name = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer input = ByteBuffer.allocate(16 + name.length)
                .putLong(NAMESPACE_URL.getMostSignificantBits())
                .putLong(NAMESPACE_URL.getLeastSignificantBits())
                .put(name);
        byte[] hash = digest("SHA-1", input.array());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    /** MD5 hex of the parts joined by {@code /}: {@code hex("tag", "site")} is the tag of Worker {@code site}. */
    static String hex(String... parts) {
        return HexFormat.of().formatHex(digest("MD5", String.join("/", parts).getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 hex of {@code bytes}: the etag of an uploaded script. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a required JDK algorithm", e);
        }
    }
}
