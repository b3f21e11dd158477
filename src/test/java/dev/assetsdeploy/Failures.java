package dev.assetsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException.Kind;
import org.junit.jupiter.api.function.Executable;

/**
 * Asserts on a failure as the user meets it: its kind (which decides the exit code) and the message they
 * read, never only that something was thrown.
 */
public final class Failures {

    private Failures() {}

    /** {@code call} fails with this kind and exactly this message. */
    public static AssetsDeployException assertFails(Kind kind, String message, Executable call) {
        return assertFails(AssetsDeployException.class, kind, message, call);
    }

    /** {@code call} fails with a {@code type} of this kind and exactly this message. */
    public static <E extends AssetsDeployException> E assertFails(
            Class<E> type, Kind kind, String message, Executable call) {
        E e = assertThrows(type, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    /**
     * {@code call} fails with this kind and a message that holds each of {@code parts}, for messages with
     * parts a test cannot know (an OS error, a temporary path, a port).
     */
    public static AssetsDeployException assertFailsContaining(Kind kind, Executable call, String... parts) {
        return assertFailsContaining(AssetsDeployException.class, kind, call, parts);
    }

    /** As {@link #assertFailsContaining(Kind, Executable, String...)}, with a {@code type}. */
    public static <E extends AssetsDeployException> E assertFailsContaining(
            Class<E> type, Kind kind, Executable call, String... parts) {
        E e = assertThrows(type, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(parts.length > 0, "name at least one part of the message");
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected \"" + part + "\" in: " + e.getMessage());
        }
        return e;
    }
}
