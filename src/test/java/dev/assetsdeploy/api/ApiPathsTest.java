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
}
