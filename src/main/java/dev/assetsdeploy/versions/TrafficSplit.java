package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import dev.assetsdeploy.deploy.DeploymentRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The traffic a new deployment gives its versions: one version at 100 %, or two whose percentages add up to 100.
 * Both are what the API accepts: wrangler checks the sum and the count on its side too, and says the limit of two
 * versions is the API's.
 */
public record TrafficSplit(List<TrafficShare> shares) {

    public static final int MAX_VERSIONS = 2;

    private static final String ORIGIN = "versions deploy";
    /** {@code VERSION_ID}, {@code VERSION_ID@90}, {@code VERSION_ID@90%}, {@code VERSION_ID@12.5%}. */
    private static final Pattern SPEC = Pattern.compile("([^@]+)(?:@(\\d{1,3}(?:\\.\\d+)?)?%?)?");

    public TrafficSplit {
        shares = List.copyOf(shares);
    }

    /** All the traffic to one version (a rollback, a promotion). */
    public static TrafficSplit whole(String versionId) {
        return new TrafficSplit(List.of(new TrafficShare(versionId, TrafficShare.ALL)));
    }

    /**
     * Parses {@code VERSION_ID[@PERCENT]} arguments as wrangler's {@code versions deploy} does: a version without a
     * percentage takes what the others leave (alone, 100 %; {@code A@90 B}: B gets 10), shared equally when there are
     * two such. Every problem is invalid input, found before any request.
     */
    public static TrafficSplit parse(List<String> specs) {
        if (specs.size() > MAX_VERSIONS) {
            throw AssetsDeployException.invalidInput(ORIGIN + ": " + specs.size() + " versions given; a deployment"
                    + " serves one version at 100 %, or splits the traffic between two (like A@90 B@10)");
        }
        List<String> ids = new ArrayList<>();
        List<BigDecimal> given = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String spec : specs) {
            Matcher m = SPEC.matcher(spec);
            if (!m.matches()) {
                throw AssetsDeployException.invalidInput(
                        ORIGIN + ": " + Json.quote(spec) + " is not"
                                + " VERSION_ID@PERCENT (like 33333333-3333-4333-8333-333333333333@90, or the id alone for 100 %)");
            }
            String id = VersionIds.parse(m.group(1), ORIGIN);
            if (!seen.add(id)) {
                throw AssetsDeployException.invalidInput(ORIGIN + ": version " + id + " is given twice");
            }
            BigDecimal percentage = m.group(2) == null ? null : new BigDecimal(m.group(2));
            if (percentage != null && percentage.compareTo(TrafficShare.ALL) > 0) {
                throw AssetsDeployException.invalidInput(
                        ORIGIN + ": the percentage in " + Json.quote(spec) + " is over 100");
            }
            ids.add(id);
            given.add(percentage);
        }
        BigDecimal specified = given.stream().filter(p -> p != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        long unspecified = given.stream().filter(p -> p == null).count();
        BigDecimal rest = unspecified == 0
                ? BigDecimal.ZERO
                : TrafficShare.ALL.subtract(specified).max(BigDecimal.ZERO).divide(BigDecimal.valueOf(unspecified));
        List<TrafficShare> shares = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            shares.add(new TrafficShare(ids.get(i), given.get(i) == null ? rest : given.get(i)));
        }
        TrafficSplit split = new TrafficSplit(shares);
        BigDecimal total = shares.stream().map(TrafficShare::percentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(TrafficShare.ALL) != 0) {
            throw AssetsDeployException.invalidInput(ORIGIN + ": the percentages add up to "
                    + new TrafficShare("", total).percentText() + " %, not 100: give one version at 100 %,"
                    + " or two whose percentages add up to 100 (like A@90 B@10)");
        }
        return split;
    }

    /** The {@code POST .../deployments} that gives this split, as wrangler sends it. */
    public DeploymentRequest request(String message, CodeUpdateStrategy codeUpdateStrategy) {
        return new DeploymentRequest(
                shares.stream()
                        .map(s -> new DeploymentRequest.Traffic(
                                s.versionId(), s.percentage().doubleValue()))
                        .toList(),
                message,
                codeUpdateStrategy);
    }
}
