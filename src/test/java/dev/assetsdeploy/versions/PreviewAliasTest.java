package dev.assetsdeploy.versions;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException.Kind;
import org.junit.jupiter.api.Test;

/** Cloudflare's alias rules, and wrangler 4.164's generatePreviewAlias for everything else (notes §B8 vectors). */
class PreviewAliasTest {

    @Test
    void aValidAliasIsSentAsGiven() {
        PreviewAlias alias = PreviewAlias.resolve("pr-42", "site");
        assertEquals("pr-42", alias.value());
        assertFalse(alias.generated());
        // The documented rule allows a trailing dash; wrangler's generator would not make one, but it is valid.
        assertEquals("release-", PreviewAlias.resolve("release-", "site").value());
    }

    @Test
    void aBranchNameBecomesTheAliasWorkersBuildsMakesOfIt() {
        assertEquals(
                "feature-login-page",
                PreviewAlias.resolve("feature/Login_Page", "new-site").value());
        assertTrue(PreviewAlias.resolve("feature/Login_Page", "new-site").generated());
        assertEquals(
                "feature-jira-123-fix-thing",
                PreviewAlias.resolve("Feature/JIRA-123_fix--thing", "new-site").value());
        assertEquals(
                "release-2025-01-15",
                PreviewAlias.resolve("release/2025.01.15", "my-worker").value());
        assertEquals(
                "feature-mlaut",
                PreviewAlias.resolve("feature/ümlaut", "new-site").value());
        assertEquals("pr-42", PreviewAlias.resolve("PR-42", "site").value());
    }

    @Test
    void aLongBranchIsCutAndEndsWithFourDigitsOfItsHash() {
        String alias = PreviewAlias.resolve(
                        "dependabot/npm_and_yarn/some-really-long-package-name-4.17.21-and-more", "new-site")
                .value();
        assertEquals("dependabot-npm-and-yarn-some-really-long-package--9c6c", alias);
        assertEquals(63 - "new-site".length() - 1, alias.length());
    }

    @Test
    void theGeneratorGivesUpWhereWranglerDoes() {
        assertNull(PreviewAlias.fromBranchName("123-hotfix", "new-site"));
        assertNull(PreviewAlias.fromBranchName("___", "new-site"));
        assertNull(PreviewAlias.fromBranchName("feature/long", "w".repeat(57)));
    }

    @Test
    void noAliasIsOneLineNamingTheRules() {
        assertFails(
                Kind.INVALID_INPUT,
                "--preview-alias \"123-hotfix\": no preview alias can be made of it; an alias is lowercase letters,"
                        + " digits and -, starts with a letter, and has at most 58 characters (63 with \"-site\")",
                () -> PreviewAlias.resolve("123-hotfix", "site"));
        assertFails(
                Kind.INVALID_INPUT,
                "--preview-alias \"\\u001b[31m\": no preview alias can be made of it; an alias is lowercase letters,"
                        + " digits and -, starts with a letter, and has at most 58 characters (63 with \"-site\")",
                () -> PreviewAlias.resolve("\u001b[31m", "site"));
    }
}
