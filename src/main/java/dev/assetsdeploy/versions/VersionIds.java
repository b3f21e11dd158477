package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.deploy.WorkerDeployer;
import java.util.Locale;

/** Version ids as people type them: any case, with or without hyphens; checked before any request. */
public final class VersionIds {

    private VersionIds() {}

    /**
     * The canonical form (lower case, hyphenated) of {@code text}.
     *
     * @param origin what names it in a message: "rollback VERSION", "versions deploy"
     * @throws AssetsDeployException (invalid input) when it is not a UUID
     */
    public static String parse(String text, String origin) {
        String id = WorkerDeployer.hyphenated(text.strip().toLowerCase(Locale.ROOT));
        if (!ApiPaths.isVersionId(id)) {
            throw AssetsDeployException.invalidInput(origin + ": " + quote(text)
                    + " is not a version id (a UUID like 12345678-1234-1234-1234-123456789abc);"
                    + " `assets-deploy versions list` shows the Worker's versions");
        }
        return id;
    }

    /** {@code text} in double quotes, escaped as JSON escapes them (quotes, control characters): safe on one line. */
    static String quote(String text) {
        return Json.quote(text);
    }
}
