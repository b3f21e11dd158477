package dev.assetsdeploy.api;

/**
 * Tests only: a path as given, for tests of the client and of the fake API that send paths {@link ApiPaths} does
 * not build (yet), or paths no name went into. Production code has no such door.
 */
public final class RawPaths {

    private RawPaths() {}

    public static ApiPath of(String text) {
        return new ApiPath(text);
    }
}
