package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.deploy.WorkerDeployer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Version ids as people type them: any case, with or without hyphens; checked before any request. */
public final class VersionIds {

    /**
     * A version id as the API gives it: a UUID, lower case, with its hyphens. Stricter than the path rule
     * ({@code PathName.VERSION_ID}), which only keeps a name in its segment: what a user types is checked against
     * this, so a typo is refused with what to do before any request.
     */
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private VersionIds() {}

    /** Whether {@code id} is a version id as the API gives it: a lower-case UUID with hyphens. */
    public static boolean isVersionId(String id) {
        return id != null && CANONICAL.matcher(id).matches();
    }

    /**
     * The canonical form (lower case, hyphenated) of {@code text}.
     *
     * @param origin what names it in a message: "rollback VERSION", "versions deploy"
     * @throws AssetsDeployException (invalid input) when it is not a UUID
     */
    public static String parse(String text, String origin) {
        String id = WorkerDeployer.hyphenated(text.strip().toLowerCase(Locale.ROOT));
        if (!isVersionId(id)) {
            throw AssetsDeployException.invalidInput(origin + ": " + Json.quote(text)
                    + " is not a version id (a UUID like 12345678-1234-1234-1234-123456789abc);"
                    + " `assets-deploy versions list` shows the Worker's versions");
        }
        return id;
    }
}
