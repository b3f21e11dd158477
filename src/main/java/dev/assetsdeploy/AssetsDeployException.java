package dev.assetsdeploy;

/**
 * A failure a user can act on. The message is one line, names the file, field or flag at
 * fault and says what to do; {@link Kind} decides the exit code (mapped in the cli package).
 */
public class AssetsDeployException extends RuntimeException {

    /** What went wrong, from the user's point of view. */
    public enum Kind {
        /** Bad input: a folder, a file, a config field, a flag value. */
        INVALID_INPUT,
        /** The API rejected the credentials. */
        AUTHENTICATION,
        /** The API answered, and said no. */
        API_REFUSED,
        /** The API could not be reached, or kept failing, after retries. */
        NETWORK,
        /** A bug of ours. */
        INTERNAL
    }

    private final Kind kind;

    public AssetsDeployException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public AssetsDeployException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AssetsDeployException invalidInput(String message) {
        return new AssetsDeployException(Kind.INVALID_INPUT, message);
    }

    public static AssetsDeployException invalidInput(String message, Throwable cause) {
        return new AssetsDeployException(Kind.INVALID_INPUT, message, cause);
    }
}
