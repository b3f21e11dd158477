package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;

/**
 * Which Worker the upload is for, in the account or in a Workers for Platforms dispatch namespace, and whether it is
 * a version that is not deployed ({@code --version-only}). Which request carries it is the {@link DeployPlan}'s.
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

    /** For messages: "Worker my-site", "Worker my-site in dispatch namespace ns". */
    public String describe() {
        return "Worker " + scriptName
                + (dispatchNamespace == null ? "" : " in dispatch namespace " + dispatchNamespace);
    }
}
