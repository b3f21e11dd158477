package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one table of exit codes, shown in {@code --help} and the README. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int INVALID_INPUT = 3;
    public static final int AUTHENTICATION = 4;
    public static final int API_REFUSED = 5;
    public static final int NETWORK = 6;
    /** Ctrl+C (SIGINT): the JVM's 128 + 2, after the command's line saying what was interrupted. */
    public static final int INTERRUPTED = 130;
    /** SIGTERM (a CI job cancelled, {@code kill}): 128 + 15. */
    public static final int TERMINATED = 143;

    /** Code → meaning, in order, for {@code --help}. */
    static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("0", "Success.");
        HELP.put("1", "Internal error (a bug: please report it with the --stacktrace output).");
        HELP.put("2", "Bad usage: unknown option, missing or malformed argument.");
        HELP.put(
                "3",
                "Invalid input or config: folder, file, config field or flag value (and any warning under --strict).");
        HELP.put(
                "4", "Authentication failed: check CLOUDFLARE_API_TOKEN (or CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL).");
        HELP.put("5", "Refused by the Cloudflare API.");
        HELP.put("6", "Network failure after retries.");
        HELP.put("130", "Interrupted (Ctrl+C, SIGINT); after an upload, run it again: only what is missing is sent.");
        HELP.put("143", "Terminated (SIGTERM); after an upload, run it again: only what is missing is sent.");
    }

    private ExitCodes() {}

    static int of(AssetsDeployException.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> INVALID_INPUT;
            case AUTHENTICATION -> AUTHENTICATION;
            case API_REFUSED -> API_REFUSED;
            case NETWORK -> NETWORK;
            case INTERNAL -> INTERNAL;
        };
    }
}
