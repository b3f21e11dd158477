package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * assets-deploy against wrangler 4.164's recorded deploys with bindings and Worker settings (issue 11): every request,
 * in order, body for body, but the differences {@link BindingsParity#expected} and each test declare, each with its
 * reason.
 */
class BindingsParityTest {

    @TempDir
    Path dir;

    /** The run succeeds and sends what wrangler sent. */
    private BindingsParity assertSameAsWrangler(String name, String... extra) {
        BindingsParity run = BindingsParity.run(name, dir, extra);
        assertEquals(0, run.result.code(), run.err());
        run.expected().assertSameRequests(run.api.controlPlaneRequests());
        if (!run.recording.config().has("assets")) {
            run.assertSameUploadWithoutAssets();
        }
        assertEquals(List.of(), run.api.problems());
        return run;
    }

    @Test
    void everyBindingKindAndSettingOnANewWorker() {
        try (BindingsParity run = assertSameAsWrangler("t01-bindings-core-new")) {
            assertTrue(run.err().contains("queues.producers[1].delivery_delay is deprecated"), run.err());
        }
    }

    @Test
    void aDryRunListsTheBindingsAsWranglersDoesAndSendsNothing() {
        try (BindingsParity run = BindingsParity.run("t01-bindings-core-dry", dir)) {
            assertEquals(0, run.result.code(), run.err());
            assertEquals(List.of(), run.ourLines());
            String theirs = run.recording.stdout();
            String table = theirs.substring(
                    theirs.indexOf("Your Worker has access"), theirs.indexOf("- stream-tail (streaming)\n") + 25);
            assertTrue(run.result.out().contains("\n\n" + table + "\n\nMetadata:\n"), run.result.out());
        }
    }

    @Test
    void everyBindingKindRedeployedOverAnExistingWorker() {
        assertSameAsWrangler("t01-bindings-core-existing").close();
    }

    @Test
    void everyBindingKindAsAVersion() {
        assertSameAsWrangler("t01-bindings-core-version").close();
    }

    @Test
    void theOtherBindingKinds() {
        assertSameAsWrangler("t02-bindings-more-new").close();
    }

    @Test
    void varsInJavaScriptsNumberFormWithANumericNameFirst() {
        assertSameAsWrangler("t03-vars-new").close();
    }

    @Test
    void keepVarsKeepsTheDashboardsVars() {
        assertSameAsWrangler("t04-keep-vars-new").close();
        assertSameAsWrangler("bindings-keep-vars").close();
    }

    @Test
    void keepVarsInAVersion() {
        assertSameAsWrangler("t04-keep-vars-version").close();
    }

    @Test
    void anEnvironmentHasItsOwnBindingsAndVarsAndInheritsTheSettings() {
        try (BindingsParity run = assertSameAsWrangler("t05-env-staging")) {
            assertTrue(run.err().contains("wrangler.json: env.staging.vars lacks B of the top-level vars"), run.err());
        }
    }

    @Test
    void anEmptyEnvironmentHasNoBindings() {
        assertSameAsWrangler("t05-env-bare").close();
    }

    @Test
    void theTopLevelOfAConfigWithEnvironmentsIsTaggedAsTheService() {
        assertSameAsWrangler("t05-env-top").close();
    }

    @Test
    void anExistingEnvironmentWorkerKeepsItsOtherTags() {
        assertSameAsWrangler("t05-env-staging-existing").close();
    }

    @Test
    void aDispatchNamespaceWorkerIsReadInItsNamespace() {
        try (BindingsParity run = BindingsParity.run("t05-env-dispatch-new", dir)) {
            assertEquals(0, run.result.code(), run.err());
            String wranglers = "wrangler reads and tags the account Worker of that name (a bug):"
                    + " we read the namespaced Worker and leave the tags";
            run.expected()
                    .skipping("GET /accounts/acc1/workers/scripts/site/secrets", wranglers)
                    .skipping("GET /accounts/acc1/workers/scripts/site/settings", wranglers)
                    .skipping("PATCH /accounts/acc1/workers/scripts/site/script-settings", wranglers)
                    .ignoringOurs(
                            "GET /accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/secrets", wranglers)
                    .ignoringOurs(
                            "GET /accounts/acc1/workers/dispatch/namespaces/customers/scripts/site/settings", wranglers)
                    .assertSameRequests(run.api.controlPlaneRequests());
            run.assertSameUploadWithoutAssets();
            assertEquals(List.of(), run.api.problems());
        }
    }

    @Test
    void durableObjectMigrationsAgainstEachLiveTag() {
        assertSameAsWrangler("t06-do-migrations-new").close();
        assertSameAsWrangler("t06-do-migrations-pending").close();
        assertSameAsWrangler("t06-do-migrations-current").close();
        try (BindingsParity run = assertSameAsWrangler("t06-do-migrations-unknown")) {
            assertTrue(
                    run.err()
                            .contains(
                                    "warning: Worker site: the Worker's migration tag gone is not in the"
                                            + " config's migrations (deleted from it?): all of them are sent, as wrangler does\n"),
                    run.err());
        }
        assertSameAsWrangler("t06-do-migrations-version-current").close();
    }

    @Test
    void aVersionUploadWithAPendingMigrationIsRefusedAfterTheSameReads() {
        try (BindingsParity run = BindingsParity.run("t06-do-migrations-version-pending", dir)) {
            assertEquals(3, run.result.code());
            assertEquals(
                    "error: Worker site has a pending Durable Object migration (to v2), which a version upload cannot"
                            + " apply: deploy without --version-only to apply it, then upload versions again\n",
                    run.err());
            run.expected().assertSameRequests(run.api.controlPlaneRequests());
        }
    }

    @Test
    void aSplitDeploymentIsReplacedWithAWarning() {
        try (BindingsParity run = assertSameAsWrangler("t08-observability-absent-split")) {
            assertTrue(run.err().contains("warning: Worker site's current deployment splits its traffic:"), run.err());
        }
        assertSameAsWrangler("deploy-over-split").close();
    }

    @Test
    void underStrictASplitDeploymentStopsTheDeployBeforeAnyUpload() {
        try (BindingsParity run = BindingsParity.run("deploy-over-split", dir, "--strict")) {
            assertEquals(3, run.result.code());
            assertEquals(
                    "error: Worker site's current deployment splits its traffic: 33333333-3333-4333-8333-333333333333 at"
                            + " 90% (tag v1.2.2) and 44444444-4444-4444-8444-444444444444 at 10% (tag v1.2.3); this"
                            + " deploy replaces it with the new version at 100% (to move a gradual rollout on instead,"
                            + " use `wrangler versions deploy`) (an error with --strict)\n",
                    run.err());
            assertEquals(
                    List.of(
                            "GET /accounts/acc1/workers/services/site",
                            "GET /accounts/acc1/workers/scripts/site/deployments",
                            "GET /accounts/acc1/workers/scripts/site/versions/33333333-3333-4333-8333-333333333333",
                            "GET /accounts/acc1/workers/scripts/site/versions/44444444-4444-4444-8444-444444444444"),
                    run.ourLines());
        }
    }

    @Test
    void underStrictBindingsOfAnAssetsOnlyWorkerAreAnError() {
        try (BindingsParity run = BindingsParity.run("t10-assets-only-settings-new", dir, "--strict")) {
            assertEquals(3, run.result.code());
            assertTrue(
                    run.err()
                            .contains("warning: wrangler.json: kv_namespaces has no effect on an assets-only Worker:"
                                    + " add main, or remove it\n"),
                    run.err());
            assertTrue(run.err().contains(" warnings with --strict: fix them (see above)"), run.err());
            assertEquals(List.of(), run.ourLines());
        }
    }

    @Test
    void aMessageGoesOnTheVersionAndTheDeployment() {
        assertSameAsWrangler("t08-observability-absent-existing").close();
    }

    @Test
    void requiredSecretsAreInheritedFirst() {
        assertSameAsWrangler("t09-secrets-required-existing").close();
        assertSameAsWrangler("t09-secrets-required-version").close();
    }

    @Test
    void assetsOnlyWorkersGetNoBindingsAndTheirSettingsOnlyWhenTheyExist() {
        try (BindingsParity run = assertSameAsWrangler("t10-assets-only-settings-new")) {
            assertTrue(
                    run.err()
                            .contains("wrangler.json: vars has no effect on an assets-only Worker:"
                                    + " add main, or remove it\n"),
                    run.err());
            assertTrue(
                    run.err()
                            .contains("warning: observability, logpush, tail_consumers are not applied to a"
                                    + " new assets-only Worker"),
                    run.err());
        }
        assertSameAsWrangler("t10-assets-only-settings-existing").close();
        assertSameAsWrangler("redeploy-existing").close();
    }

    @Test
    void draftBindingsAreInheritedFromTheLiveWorker() {
        assertSameAsWrangler("t11-draft-bindings-existing").close();
    }

    @Test
    void whatTheLiveWorkerHasDecidesWhatIsInherited() {
        assertSameAsWrangler("t12-inherit-from-settings-existing").close();
        assertSameAsWrangler("t12-inherit-from-settings-existing-nosettings").close();
    }

    @Test
    void theDurableObjectsCodeUpdateStrategy() {
        assertSameAsWrangler("t14-code-update-strategy-new").close();
        assertSameAsWrangler("t14-code-update-strategy-existing").close();
    }

    @Test
    void settingsAreSentAsWritten() {
        assertSameAsWrangler("t15-settings-shapes-new").close();
    }

    @Test
    void theRedeployOfAWorkerWithEveryBindingKind() {
        assertSameAsWrangler("bindings-redeploy-existing").close();
    }

    @Test
    void usageModelIsIgnoredWithAWarning() {
        try (BindingsParity run = assertSameAsWrangler("usage-model-ignored")) {
            assertTrue(run.err().contains("wrangler.json: unknown field usage_model (ignored)\n"), run.err());
        }
    }

    /** The run stops with exit code 3 before any request, with this message. */
    private void assertRefusedBeforeAnyRequest(String name, String error) {
        try (BindingsParity run = BindingsParity.run(name, dir)) {
            assertEquals(3, run.result.code(), run.err());
            assertEquals(error, run.err());
            assertEquals(List.of(), run.ourLines());
        }
    }

    @Test
    void aNewWorkerWithRequiredSecretsIsRefusedAfterTheSameReads() {
        try (BindingsParity run = BindingsParity.run("t09-secrets-required-new", dir)) {
            assertEquals(3, run.result.code());
            assertEquals(
                    "error: Worker site does not exist yet, so it has no secrets for secrets.required (API_KEY, DB_PASSWORD) to keep: deploy it once without secrets.required, set them with `wrangler secret put NAME`, then add them back\n",
                    run.err());
            run.expected().assertSameRequests(run.api.controlPlaneRequests());
        }
    }

    @Test
    void aNewWorkerWithRequiredSecretsIsRefusedBeforeItsAssetsAreUploaded() {
        try (BindingsParity run = BindingsParity.run("secrets-required-new-with-assets", dir)) {
            assertEquals(3, run.result.code());
            assertEquals(
                    "error: Worker site does not exist yet, so it has no secrets for secrets.required (API_KEY) to keep: deploy it once without secrets.required, set them with `wrangler secret put NAME`, then add them back\n",
                    run.err());
            // wrangler opens the assets upload session first, then refuses
            assertEquals(
                    List.of(
                            "GET /accounts/acc1/workers/services/site",
                            "GET /accounts/acc1/workers/subdomain",
                            "GET /accounts/acc1/workers/scripts/site/deployments"),
                    run.ourLines());
        }
    }

    @Test
    void aRequiredSecretTheWorkerLacksIsNamed() {
        try (BindingsParity run = BindingsParity.run("secrets-required-missing", dir)) {
            assertEquals(5, run.result.code());
            assertEquals(
                    "error: secrets.required lists API_KEY, but Worker site has no such secret: set it with `wrangler secret put NAME` (or remove it from secrets.required), then deploy again\n",
                    run.err());
            run.expected().assertSameRequests(run.api.controlPlaneRequests());
        }
    }

    @Test
    void draftBindingsANewWorkerCannotInheritStopTheDeploy() {
        try (BindingsParity run = BindingsParity.run("t11-draft-bindings-new", dir)) {
            assertEquals(3, run.result.code());
            assertEquals(
                    "error: wrangler.json: kv_namespaces[0] (\"KV\") has no id, and Worker site has no KV Namespace binding KV to keep: wrangler would create a KV namespace; assets-deploy creates none: create one (`wrangler kv namespace create KV`) and set its id in kv_namespaces[0].id\n"
                            + "error: wrangler.json: queues.producers[0] (\"Q\") has no queue, and Worker site has no Queue binding Q to keep: wrangler would create a queue; assets-deploy creates none: create it (`wrangler queues create NAME`) and set its name in queues.producers[0].queue\n"
                            + "error: wrangler.json: r2_buckets[0] (\"R2\") has no bucket_name, and Worker site has no R2 Bucket binding R2 to keep: wrangler would create an R2 bucket; assets-deploy creates none: create it (`wrangler r2 bucket create NAME`) and set its name in r2_buckets[0].bucket_name\n"
                            + "error: wrangler.json: d1_databases[0] (\"DB\") has no database_id, and Worker site has no D1 Database binding DB to keep: wrangler would create a D1 database; assets-deploy creates none: create one (`wrangler d1 create NAME`) and set its id in d1_databases[0].database_id\n",
                    run.err());
            // wrangler's requests up to here; then it lists the account's KV namespaces and creates what is missing
            assertEquals(
                    run.recording.requests().subList(0, 4).stream()
                            .map(r -> r.line())
                            .toList(),
                    run.ourLines());
        }
    }

    @Test
    void aWorkflowThisWorkerDefinesIsRefused() {
        assertRefusedBeforeAnyRequest(
                "t16-owned-workflow-new",
                "error: wrangler.json: workflows[0] is not supported by assets-deploy: a workflow this Worker defines (no script_name, or its own name) is registered after the upload, which assets-deploy does not do; remove it, or pass --allow-unsupported workflows to deploy the Worker without it\n");
        try (BindingsParity run = BindingsParity.run(
                "t16-owned-workflow-new", dir.resolve("allowed"), "--allow-unsupported", "workflows")) {
            assertEquals(0, run.result.code(), run.err());
            // the workflow another Worker defines is a plain binding, and stays
            assertEquals(
                    "[{\"type\":\"workflow\",\"name\":\"WFX\",\"workflow_name\":\"other-workflow\","
                            + "\"class_name\":\"OtherWorkflow\",\"script_name\":\"other-worker\"}]",
                    run.ourMetadata().get("bindings").toString());
        }
    }

    @Test
    void duplicateNamesAndAVarThatIsARequiredSecret() {
        assertRefusedBeforeAnyRequest(
                "e01-duplicate-names",
                "error: wrangler.json: \"KV\" is bound twice, by vars.KV and kv_namespaces[0]: binding names must be unique (the Worker's env holds one value per name); rename all but one\n"
                        + "error: wrangler.json: vars.API is also a required secret (secrets.required[0]): the var would replace the secret; rename the var, or remove \"API\" from secrets.required\n"
                        + "error: wrangler.json: \"KV2\" is bound twice, by kv_namespaces[1] and kv_namespaces[2]: binding names must be unique (the Worker's env holds one value per name); rename all but one\n");
    }

    @Test
    void nameClashesWranglerMissesAreRefused() {
        assertRefusedBeforeAnyRequest(
                "e02-silent-collisions",
                "error: wrangler.json: \"X\" is bound twice, by vars.X and ratelimits[0]: binding names must be unique (the Worker's env holds one value per name); rename all but one\n"
                        + "error: wrangler.json: \"KV\" is bound twice, by kv_namespaces[0] and send_email[0]: binding names must be unique (the Worker's env holds one value per name); rename all but one\n");
    }

    @Test
    void missingAndWrongFields() {
        assertRefusedBeforeAnyRequest(
                "e03-missing-fields",
                "error: wrangler.json: kv_namespaces[0].id is \"\", expected the KV namespace's id\n"
                        + "error: wrangler.json: send_email[0] has both destination_address and allowed_destination_addresses: expected one of them at most\n"
                        + "error: wrangler.json: durable_objects.bindings[0] has no class_name: expected the Durable Object's class name\n"
                        + "error: wrangler.json: workflows[0] has no name: expected the workflow's name\n"
                        + "error: wrangler.json: workflows[0] has no class_name: expected the workflow's class name\n"
                        + "error: wrangler.json: r2_buckets[0].bucket_name is \"Bad_Name\", expected 3-63 lowercase letters, digits and -, starting and ending with a letter or digit\n"
                        + "error: wrangler.json: vectorize[0] has no index_name: expected the Vectorize index's name\n"
                        + "error: wrangler.json: hyperdrive[0] has no id: expected the Hyperdrive config's id\n"
                        + "error: wrangler.json: secrets_store_secrets[0] has no store_id: expected the secrets store's id\n"
                        + "error: wrangler.json: secrets_store_secrets[0] has no secret_name: expected the secret's name in the store\n"
                        + "error: wrangler.json: ratelimits[0].simple.period is 30, expected 10 or 60\n"
                        + "error: wrangler.json: services[0] has no service: expected the name of the Worker to bind\n"
                        + "error: wrangler.json: analytics_engine_datasets[0].dataset is \"\", expected the dataset's name\n"
                        + "error: wrangler.json: dispatch_namespaces[0].outbound has no service: expected the outbound Worker's name\n"
                        + "error: wrangler.json: mtls_certificates[0] has no certificate_id: expected the mTLS certificate's id\n"
                        + "error: wrangler.json: pipelines[0] has no stream: expected the stream's id\n"
                        + "error: wrangler.json: version_metadata has no binding: expected the binding's name, like \"MY_BINDING\"\n"
                        + "error: wrangler.json: observability sets none of enabled, logs.enabled, traces.enabled, issues.enabled: expected at least one of them (true or false)\n"
                        + "error: wrangler.json: tail_consumers[0] has no service: expected the name of the Worker that receives events\n"
                        + "error: wrangler.json: placement.mode is \"nope\", expected one of off, smart, targeted\n"
                        // issue 14: the first 20 problems of a list, then how many more
                        + "error: ... and 2 more\n");
    }

    @Test
    void unsupportedKeysAreRefusedUnlessAllowed() {
        assertRefusedBeforeAnyRequest(
                "e04-unsupported",
                "error: wrangler.json: unsafe is not supported by assets-deploy: arbitrary bindings and metadata that wrangler passes through unchecked; remove it, or pass --allow-unsupported unsafe to deploy the Worker without it\n"
                        + "error: wrangler.json: ai_search_namespaces is not supported by assets-deploy: wrangler looks the namespace up and creates it when it is missing; assets-deploy creates no resources; remove it, or pass --allow-unsupported ai_search_namespaces to deploy the Worker without it\n"
                        + "error: wrangler.json: agent_memory is not supported by assets-deploy: wrangler looks the namespace up and creates it when it is missing; assets-deploy creates no resources; remove it, or pass --allow-unsupported agent_memory to deploy the Worker without it\n");
        try (BindingsParity run = BindingsParity.run(
                "e04-unsupported",
                dir.resolve("allowed"),
                "--allow-unsupported",
                "unsafe",
                "--allow-unsupported",
                "ai_search_namespaces",
                "--allow-unsupported",
                "agent_memory")) {
            assertEquals(0, run.result.code(), run.err());
            assertEquals(
                    "warning: wrangler.json: unsafe is not sent (--allow-unsupported unsafe): the Worker is deployed"
                            + " without it\n"
                            + "warning: wrangler.json: ai_search_namespaces is not sent (--allow-unsupported"
                            + " ai_search_namespaces): the Worker is deployed without it\n"
                            + "warning: wrangler.json: agent_memory is not sent (--allow-unsupported agent_memory): the"
                            + " Worker is deployed without it\n",
                    run.err());
            assertEquals("[]", run.ourMetadata().get("bindings").toString());
        }
    }
}
