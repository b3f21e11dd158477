package dev.assetsdeploy.versions;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackTargetTest {

    /** Deployments newest first, each "A" (all traffic) or "A90/B10". */
    static List<Deployment> deployments(String... newestFirst) {
        List<Deployment> out = new ArrayList<>();
        for (String d : newestFirst) {
            List<TrafficShare> shares = new ArrayList<>();
            for (String part : d.split("/")) {
                String version = part.substring(0, 1);
                BigDecimal pct = part.length() == 1 ? TrafficShare.ALL : new BigDecimal(part.substring(1));
                shares.add(new TrafficShare(version, pct));
            }
            out.add(new Deployment("d" + out.size(), null, "wrangler", null, null, null, shares));
        }
        return out;
    }

    @Test
    void theVersionOfTheDeploymentBeforeTheCurrentOne() {
        assertEquals("B", RollbackTarget.choose("site", deployments("C", "B", "A")));
    }

    @Test
    void neverTheVersionThatAlreadyHasAllTheTraffic() {
        // wrangler picks A here: the deployment before the current one, although A is live already.
        assertEquals("B", RollbackTarget.choose("site", deployments("A", "A", "B")));
    }

    @Test
    void splitDeploymentsAreSkippedAndACanaryEndsOnTheVersionBeforeIt() {
        assertEquals("A", RollbackTarget.choose("site", deployments("A90/B10", "A", "Z")));
        assertEquals("Z", RollbackTarget.choose("site", deployments("C", "C90/B10", "Z")));
    }

    @Test
    void withNothingToGoBackToTheUserIsToldToNameAVersion() {
        String message = "rollback: no earlier deployment of Worker site gave all its traffic to another version; name"
                + " the version to roll back to (`assets-deploy versions list` shows them)";
        assertFails(Kind.INVALID_INPUT, message, () -> RollbackTarget.choose("site", deployments("A", "A90/B10", "A")));
        assertFails(Kind.INVALID_INPUT, message, () -> RollbackTarget.choose("site", deployments("A")));
    }
}
