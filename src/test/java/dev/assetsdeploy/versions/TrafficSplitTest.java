package dev.assetsdeploy.versions;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

    static final String A = SeedVersions.V3;
    static final String B = SeedVersions.V4;

    static String versions(String... specs) {
        return Json.compact(TrafficSplit.parse(List.of(specs))
                .request("m", CodeUpdateStrategy.DEFAULT)
                .body()
                .get("versions"));
    }

    @Test
    void aBareIdIsAllTheTraffic() {
        assertEquals("[{\"version_id\":\"" + A + "\",\"percentage\":100}]", versions(A));
        assertEquals("[{\"version_id\":\"" + A + "\",\"percentage\":100}]", versions(A + "@100%"));
    }

    @Test
    void twoVersionsInTheOrderGivenWithWholePercentagesAsIntegers() {
        String expected =
                "[{\"version_id\":\"" + A + "\",\"percentage\":90},{\"version_id\":\"" + B + "\",\"percentage\":10}]";
        assertEquals(expected, versions(A + "@90%", B + "@10%"));
        assertEquals(expected, versions(A + "@90", B + "@10"));
        assertEquals(expected, versions(A + "@90", B), "the one without a percentage takes the rest");
        assertEquals(
                "[{\"version_id\":\"" + A + "\",\"percentage\":87.5},{\"version_id\":\"" + B
                        + "\",\"percentage\":12.5}]",
                versions(A + "@87.5", B + "@12.50%"));
    }

    @Test
    void idsAreTakenInAnyCaseWithOrWithoutHyphens() {
        assertEquals(
                "[{\"version_id\":\"" + A + "\",\"percentage\":100}]",
                versions(A.replace("-", "").toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void everyBadSplitIsOneLineBeforeAnyRequest() {
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: the percentages add up to 110 %, not 100: give one version at 100 %, or two whose"
                        + " percentages add up to 100 (like A@90 B@10)",
                () -> TrafficSplit.parse(List.of(A + "@90%", B + "@20%")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: the percentages add up to 90 %, not 100: give one version at 100 %, or two whose"
                        + " percentages add up to 100 (like A@90 B@10)",
                () -> TrafficSplit.parse(List.of(A + "@90")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: 3 versions given; a deployment serves one version at 100 %, or splits the traffic"
                        + " between two (like A@90 B@10)",
                () -> TrafficSplit.parse(List.of("11111111-1111-4111-8111-111111111111@50%", A + "@30%", B + "@20%")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: version " + A + " is given twice",
                () -> TrafficSplit.parse(List.of(A + "@50", A.toUpperCase(java.util.Locale.ROOT) + "@50")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: the percentage in \"" + A + "@150\" is over 100",
                () -> TrafficSplit.parse(List.of(A + "@150")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: \"" + A + "@-5\" is not VERSION_ID@PERCENT (like"
                        + " 33333333-3333-4333-8333-333333333333@90, or the id alone for 100 %)",
                () -> TrafficSplit.parse(List.of(A + "@-5")));
        assertFails(
                Kind.INVALID_INPUT,
                "versions deploy: \"v1.2.3\" is not a version id (a UUID like 12345678-1234-1234-1234-123456789abc);"
                        + " `assets-deploy versions list` shows the Worker's versions",
                () -> TrafficSplit.parse(List.of("v1.2.3@100")));
    }
}
