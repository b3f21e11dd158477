package dev.assetsdeploy.api;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
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
                texts(
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
                texts(
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
        assertEquals(
                "/zones?name=a%26b.example+com&account.id=acc1",
                paths.zonesNamed("a&b.example com").text());
    }

    @Test
    void aWorkerInADispatchNamespace() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/assets-upload-session",
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site"
                                + "?excludeScript=true&bindings_inherit=strict"),
                texts(paths.uploadSession("customers", "site"), paths.workerScript("customers", "site")));
    }

    @Test
    void namesInADispatchNamespaceArePercentEncodedAsOneSegment() {
        assertEquals(
                "/accounts/acc1/workers/dispatch/namespaces/my%20ns/scripts/Customer%3AA%2B1%40x/assets-upload-session",
                paths.uploadSession("my ns", "Customer:A+1@x").text());
    }

    @Test
    void aNameThatWouldLeaveItsPathSegmentIsRefused() {
        assertFails(
                Kind.INVALID_INPUT,
                "Worker name is \"../../../../user/tokens?\","
                        + " expected lowercase letters, digits, - and _ only (not starting with -)",
                () -> paths.uploadSession(null, "../../../../user/tokens?"));
        assertFails(
                Kind.INVALID_INPUT,
                "Worker name is \"a/b\", expected no /, \\, ?, #, % or control characters, and not . or ..",
                () -> paths.workerScript("ns", "a/b"));
        assertFails(
                Kind.INVALID_INPUT,
                "dispatch namespace is \"..\", expected no /, \\, ?, #, % or control characters, and not . or ..",
                () -> paths.uploadSession("..", "site"));
        assertFails(
                Kind.INVALID_INPUT,
                "account id is \"acc/../x\", expected letters, digits, _ and - only",
                () -> ApiPaths.forAccount("acc/../x"));
        assertFails(
                Kind.INVALID_INPUT,
                "asset hash is \"../x\", expected 32 lowercase hexadecimal digits",
                () -> paths.assetUpload("../x"));
    }

    @Test
    void anAccountWorkerNameFollowsCloudflaresRule() {
        assertEquals(
                "/accounts/acc1/workers/scripts/_my-site_2/versions?bindings_inherit=strict",
                paths.workerVersions("_my-site_2").text());
        assertFails(
                Kind.INVALID_INPUT,
                "Worker name is \"My-Site\","
                        + " expected lowercase letters, digits, - and _ only (not starting with -)",
                () -> paths.workerVersions("My-Site"));
        String longest = "a".repeat(63);
        assertEquals(
                "/accounts/acc1/workers/scripts/" + longest + "/assets-upload-session",
                paths.uploadSession(null, longest).text());
        assertFails(
                Kind.INVALID_INPUT,
                "Worker name is \"" + longest + "a\", expected at most 63 characters, not 64",
                () -> paths.uploadSession(null, longest + "a"));
    }

    @Test
    void theDryRunShowsAPlaceholderForAMissingAccount() {
        assertEquals(
                "/accounts/<account>/workers/scripts/site?excludeScript=true&bindings_inherit=strict",
                ApiPaths.forAccountOrPlaceholder(null)
                        .workerScript(null, "site")
                        .text());
        assertEquals(
                "/accounts/acc1/workers/scripts/site?excludeScript=true&bindings_inherit=strict",
                ApiPaths.forAccountOrPlaceholder("acc1")
                        .workerScript(null, "site")
                        .text());
    }

    private static List<String> texts(ApiPath... paths) {
        return java.util.Arrays.stream(paths).map(ApiPath::text).toList();
    }

    @Test
    void theDeployableVersionsOfAWorker() {
        assertEquals(
                "/accounts/acc1/workers/scripts/site/versions?deployable=true",
                paths.deployableVersions("site").text());
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
                texts(
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
    void resourceNamesAreCheckedAndPercentEncoded() {
        assertEquals(
                "/accounts/acc1/queues?name=a%26b%3Dc%20%C3%A9&page=1",
                paths.queuesNamed("a&b=c é").text());
        assertFails(
                Kind.INVALID_INPUT,
                "R2 bucket name is \"../x\", expected 3-63 lowercase letters, digits and -, starting and ending with a"
                        + " letter or digit",
                () -> paths.r2Bucket("../x"));
        assertFails(
                Kind.INVALID_INPUT,
                "version id is \"v/../x\", expected no /, \\, ?, #, % or control characters, and not . or ..",
                () -> paths.workerVersion("site", "v/../x"));
    }
}
