package dev.assetsdeploy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void aWorkerInADispatchNamespace() {
        assertEquals(
                List.of(
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/assets-upload-session",
                        "/accounts/acc1/workers/dispatch/namespaces/customers/scripts/site"
                                + "?excludeScript=true&bindings_inherit=strict"),
                List.of(paths.uploadSession("customers", "site"), paths.workerScript("customers", "site")));
    }
}
