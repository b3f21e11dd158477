package dev.assetsdeploy.config;

/**
 * Something in the config the user should know about, that does not stop the command
 * (an error under {@code --strict}). {@code message} is one line naming the file and field.
 */
public record ConfigWarning(Code code, String message) {

    public enum Code {
        /** A field neither wrangler nor assets-deploy knows (a typo?); it is ignored. */
        UNKNOWN_FIELD,
        /** A wrangler field assets-deploy does not apply (bindings, routes, ...): the deployed Worker will not have it. */
        NOT_APPLIED,
        /** A value that is accepted but probably not what was meant. */
        SUSPICIOUS_VALUE
    }
}
