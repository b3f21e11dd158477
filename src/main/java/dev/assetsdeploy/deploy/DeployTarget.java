package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiPaths;

/**
 * Where the Worker goes: {@code PUT .../scripts/NAME} (deploy), or {@code POST .../scripts/NAME/versions}
 * (a version, not deployed), in the account or in a Workers for Platforms dispatch namespace.
 */
public record DeployTarget(String scriptName, String dispatchNamespace, boolean versionOnly) {

    public DeployTarget {
        if (scriptName == null || scriptName.isBlank()) {
            throw AssetsDeployException.invalidInput(
                    "no Worker name: set name in the config file or pass --script NAME");
        }
        if (versionOnly && dispatchNamespace != null) {
            throw AssetsDeployException.invalidInput("--version-only cannot be used with --dispatch-namespace:"
                    + " Workers for Platforms has no versions API; drop one of them");
        }
    }

    public String method() {
        return versionOnly ? "POST" : "PUT";
    }

    /** The request's path (with its query) among the account's {@code paths}. */
    public ApiPath path(ApiPaths paths) {
        return versionOnly ? paths.workerVersions(scriptName) : paths.workerScript(dispatchNamespace, scriptName);
    }

    /** For messages: "Worker my-site", "Worker my-site in dispatch namespace ns". */
    public String describe() {
        return "Worker " + scriptName
                + (dispatchNamespace == null ? "" : " in dispatch namespace " + dispatchNamespace);
    }
}
