package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import java.util.List;

/** Which version {@code rollback} deploys when the user names none. */
final class RollbackTarget {

    private RollbackTarget() {}

    /**
     * "The version deployed before the current one": the version of the newest earlier deployment that gave one
     * version all the traffic, unless that version already has all of it now.
     *
     * <p>This differs from wrangler 4.164 on purpose. wrangler ({@code fetchDefaultRollbackVersionId}) takes the newest
     * earlier 100 % deployment whatever its version, so after deployments B, A, A (a redeploy or promotion of the same
     * version) it "rolls back" to A, which is live already, and nothing changes. Here a rollback always changes the
     * traffic: that case gives B. When the current deployment splits the traffic (a canary, A 90 % and B 10 %), every
     * earlier whole deployment is a change, and the newest one (A at 100 %) is taken, as wrangler does: the canary ends
     * and the version that was live before it gets all the traffic back.
     *
     * @param newestFirst the Worker's deployments, the current one first; not empty
     * @throws AssetsDeployException (invalid input) when there is no such deployment
     */
    static String choose(String scriptName, List<Deployment> newestFirst) {
        String live = newestFirst.get(0).wholeVersion();
        for (Deployment earlier : newestFirst.subList(1, newestFirst.size())) {
            String version = earlier.wholeVersion();
            if (version != null && !version.equals(live)) {
                return version;
            }
        }
        throw AssetsDeployException.invalidInput("rollback: no earlier deployment of Worker " + scriptName
                + " gave all its traffic to another version; name the version to roll back to"
                + " (`assets-deploy versions list` shows them)");
    }
}
