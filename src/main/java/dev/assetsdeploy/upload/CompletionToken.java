package dev.assetsdeploy.upload;

/** The token that proves the assets are uploaded; the Worker upload sends it. {@code toString()} hides it. */
public record CompletionToken(String jwt) {

    public CompletionToken {
        if (jwt == null || jwt.isEmpty()) {
            throw new IllegalArgumentException("empty completion token");
        }
    }

    @Override
    public String toString() {
        return "CompletionToken[***]";
    }
}
