package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;

/**
 * Where the Worker goes: {@code PUT .../scripts/NAME} (deploy), or {@code POST .../scripts/NAME/versions}
 * (a version, not deployed), in the account or in a Workers for Platforms dispatch namespace.
 * The query strings are wrangler 4.164's: {@code excludeScript=true} keeps the script body out of the
 * answer, {@code bindings_inherit=strict} makes the API fail rather than guess for "inherit" bindings.
 */
public record DeployTarget(String scriptName, String dispatchNamespace, boolean versionOnly) {

    public DeployTarget {
        if (scriptName == null || scriptName.isBlank()) {
            throw AssetsDeployException.invalidInput("no Worker name: set name in the config file or pass --script NAME");
        }
        if (versionOnly && dispatchNamespace != null) {
            throw AssetsDeployException.invalidInput("--version-only cannot be used with --dispatch-namespace:"
                    + " Workers for Platforms has no versions API; drop one of them");
        }
    }

    public String method() {
        return versionOnly ? "POST" : "PUT";
    }

    /** The path after {@code /accounts/<id>}, with its query. */
    public String accountRelativePath() {
        if (versionOnly) {
            return "/workers/scripts/" + scriptName + "/versions?bindings_inherit=strict";
        }
        String script = dispatchNamespace == null
                ? "/workers/scripts/" + scriptName
                : "/workers/dispatch/namespaces/" + dispatchNamespace + "/scripts/" + scriptName;
        return script + "?excludeScript=true&bindings_inherit=strict";
    }

    /** For messages: "Worker my-site", "Worker my-site in dispatch namespace ns". */
    public String describe() {
        return "Worker " + scriptName + (dispatchNamespace == null ? "" : " in dispatch namespace " + dispatchNamespace);
    }
}
