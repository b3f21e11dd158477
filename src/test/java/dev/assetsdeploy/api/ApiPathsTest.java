package dev.assetsdeploy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every path the tool sends, as wrangler 4.164 sends it (the recordings in the deploy and upload tests agree). */
class ApiPathsTest {

    private final ApiPaths paths = ApiPaths.forAccount("acc1");

    @Test
    void eachPathForAnAccountWorker() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/scripts/site/assets-upload-session",
                        "/accounts/acc1/workers/assets/upload?base64=true",
                        "/accounts/acc1/workers/assets/upload/0123456789abcdef0123456789abcdef",
                        "/accounts/acc1/workers/scripts/site?excludeScript=true&bindings_inherit=strict",
                        "/accounts/acc1/workers/scripts/site/versions?bindings_inherit=strict"),
                List.of(
                        paths.uploadSession(null, "site"),
                        paths.assetsUpload(),
                        paths.assetUpload("0123456789abcdef0123456789abcdef"),
                        paths.workerScript(null, "site"),
                        paths.workerVersions("site")));
    }

    @Test
    void eachPathOfTheTriggersPhase() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/workers/site",
                        "/accounts/acc1/workers/subdomain",
                        "/accounts/acc1/workers/scripts/site/subdomain",
                        "/accounts/acc1/workers/scripts/site/routes",
                        "/accounts/acc1/workers/scripts/site/domains/changeset?replace_state=true",
                        "/accounts/acc1/workers/scripts/site/domains/records",
                        "/accounts/acc1/workers/scripts/site/schedules",
                        "/zones?name=www.example.com&account.id=acc1",
                        "/zones/a1b2c3d4e5f60718293a4b5c6d7e8f90/workers/routes"),
                List.of(
                        paths.worker("site"),
                        paths.accountSubdomain(),
                        paths.workerSubdomain("site"),
                        paths.workerRoutes("site"),
                        paths.domainsChangeset("site"),
                        paths.domainRecords("site"),
                        paths.schedules("site"),
                        paths.zonesNamed("www.example.com"),
                        paths.zoneWorkerRoutes("a1b2c3d4e5f60718293a4b5c6d7e8f90")));
    }

    @Test
    void aZoneNameIsAQueryValue() {
        assertEquals("/zones?name=a%26b.example+com&account.id=acc1", paths.zonesNamed("a&b.example com"));
    }

    @Test
    void aWorkerInADispatchNamespace() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/assets-upload-session",
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site"
                                + "?excludeScript=true&bindings_inherit=strict"),
                List.of(paths.uploadSession("customers", "site"), paths.workerScript("customers", "site")));
    }

    @Test
    void theDeployableVersionsOfAWorker() {
        assertEquals("/accounts/acc1/workers/scripts/site/versions?deployable=true", paths.deployableVersions("site"));
    }

    @Test
    void aVersionIdIsALowerCaseUuidWithHyphens() {
        assertTrue(ApiPaths.isVersionId("33333333-3333-4333-8333-333333333333"));
        for (String bad : new String[] {
            null,
            "",
            "33333333333343338333333333333333",
            "33333333-3333-4333-8333-33333333333g",
            "../../user/tokens",
            "33333333-3333-4333-8333-333333333333/../x",
            "ABCDEF12-3333-4333-8333-333333333333"
        }) {
            assertFalse(ApiPaths.isVersionId(bad), bad);
        }
    }

    @Test
    void theWorkerStatePathsWranglerReadsAndWrites() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/services/site",
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site",
                        "/accounts/acc1/workers/scripts/site/secrets",
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/settings",
                        "/accounts/acc1/workers/scripts/site/script-settings",
                        "/accounts/acc1/workers/scripts/site/deployments",
                        "/accounts/acc1/workers/scripts/site/deployments?force=true",
                        "/accounts/acc1/workers/scripts/site/versions/v-1",
                        "/accounts/acc1/queues?name=site-jobs&page=1",
                        "/accounts/acc1/r2/buckets/site-uploads",
                        "/accounts/acc1/workers/dispatch/namespaces?page=1"),
                List.of(
                        paths.workerService("site"),
                        paths.namespacedScript("customers", "site"),
                        paths.workerSecrets(null, "site"),
                        paths.workerSettings("customers", "site"),
                        paths.scriptSettings("site"),
                        paths.workerDeployments("site"),
                        paths.workerDeploymentsForced("site"),
                        paths.workerVersion("site", "v-1"),
                        paths.queuesNamed("site-jobs"),
                        paths.r2Bucket("site-uploads"),
                        paths.dispatchNamespaces()));
    }

    @Test
    void resourceNamesArePercentEncoded() {
        assertEquals("/accounts/acc1/queues?name=a%26b%3Dc%20%C3%A9&page=1", paths.queuesNamed("a&b=c é"));
        assertEquals("/accounts/acc1/r2/buckets/..%2Fx", paths.r2Bucket("../x"));
    }
}
