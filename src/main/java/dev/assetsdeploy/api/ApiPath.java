package dev.assetsdeploy.api;

/**
 * A path after the base URL, with its query, as it goes on the wire. Only {@link ApiPaths} makes one (the
 * constructor is package-private), after checking and percent-encoding every name in it: an {@link ApiRequest}
 * takes nothing else, so no command can send a path that skipped those checks.
 */
public final class ApiPath {

    private final String text;

    ApiPath(String text) {
        this.text = text;
    }

    /** The path as sent, e.g. {@code /accounts/acc1/workers/scripts/site/assets-upload-session}. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
