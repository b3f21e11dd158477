package dev.assetsdeploy.deploy;

/**
 * Where the Worker's assets come from: the completion token of an upload ({@code assets.jwt}),
 * or the assets already deployed ({@code keep_assets: true}).
 */
public sealed interface AssetsSource {

    /** Stands for the completion token wherever metadata is shown rather than sent (dry runs). */
    String TOKEN_PLACEHOLDER = "<completion token from the upload>";

    /** The completion token of an upload. */
    record Uploaded(String jwt) implements AssetsSource {
        @Override
        public String toString() {
            return "Uploaded[jwt=***]";
        }
    }

    record KeepExisting() implements AssetsSource {}

    static AssetsSource token(String jwt) {
        return new Uploaded(jwt);
    }

    static AssetsSource keepExisting() {
        return new KeepExisting();
    }

    static AssetsSource placeholder() {
        return new Uploaded(TOKEN_PLACEHOLDER);
    }
}
