package dev.assetsdeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.versions.PreviewAlias;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The reusable workflow {@code .github/workflows/deploy.yml} hands on, as its job's and its own outputs, every step
 * output {@code assets-deploy all} writes under GitHub Actions: after a deploy with triggers and after a version upload
 * with a preview.
 */
class ReusableWorkflowTest {

    static final DeploySummary VERSION_UPLOAD = new DeploySummary(
            new DeployResult(new DeployTarget("site", null, true), "v-1", null, null, false, null, true),
            DeployReportTest.DEPLOYED.assets(),
            false,
            Duration.ofMillis(800),
            null,
            PreviewAlias.resolve("pr-42", "site"),
            new VersionPreview.Urls("https://v-1-site.acme.workers.dev", "https://pr-42-site.acme.workers.dev"),
            "");

    @Test
    void everyStepOutputIsAJobAndWorkflowOutput() throws IOException {
        Set<String> names =
                new TreeSet<>(GithubActions.outputs(DeployReportTest.LIVE).keySet());
        names.addAll(GithubActions.outputs(VERSION_UPLOAD).keySet());
        assertEquals(
                Set.of("preview-alias-url", "preview-url", "skipped", "uploaded", "url", "urls", "version-id"), names);
        String workflow = Files.readString(Path.of(".github/workflows/deploy.yml"));
        for (String name : names) {
            assertTrue(
                    workflow.contains("\n      " + name + ": ${{ steps.deploy.outputs." + name + " }}\n"),
                    "job output " + name);
            assertTrue(
                    workflow.contains("\n      " + name + ":\n        description: ")
                            && workflow.contains("\n        value: ${{ jobs.deploy.outputs." + name + " }}\n"),
                    "workflow output " + name);
        }
    }
}
