package dev.assetsdeploy.versions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionIdsTest {

    @Test
    void aVersionIdIsALowerCaseUuidWithHyphens() {
        assertTrue(VersionIds.isVersionId("33333333-3333-4333-8333-333333333333"));
        for (String bad : new String[] {
            null,
            "",
            "33333333333343338333333333333333",
            "33333333-3333-4333-8333-33333333333g",
            "../../user/tokens",
            "33333333-3333-4333-8333-333333333333/../x",
            "ABCDEF12-3333-4333-8333-333333333333"
        }) {
            assertFalse(VersionIds.isVersionId(bad), bad);
        }
    }
}
