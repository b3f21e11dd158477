package dev.assetsdeploy.versions;

import java.math.BigDecimal;

/** One version's part of a deployment's traffic, in percent (0 to 100; a deployment's parts add up to 100). */
public record TrafficShare(String versionId, BigDecimal percentage) {

    public static final BigDecimal ALL = BigDecimal.valueOf(100);

    /**
     * The percentage as JSON should carry it: an integer when it is whole ({@code 90}, as wrangler's JavaScript
     * numbers are sent, not {@code 90.0}), else its plain decimal form ({@code 12.5}).
     */
    public Number percentNumber() {
        BigDecimal stripped = percentage.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.intValueExact() : stripped;
    }

    /** For people: {@code 90}, {@code 12.5}. */
    public String percentText() {
        return percentNumber().toString();
    }
}
