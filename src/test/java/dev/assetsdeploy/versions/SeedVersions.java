package dev.assetsdeploy.versions;

/**
 * The version ids of the recordings' seed (recorded/README: Worker {@code site}, versions 1 to 4, deployments of 1, 2
 * and 3), which the versions tests of every package use.
 */
public final class SeedVersions {

    public static final String V1 = "11111111-1111-4111-8111-111111111111";
    public static final String V2 = "22222222-2222-4222-8222-222222222222";
    public static final String V3 = "33333333-3333-4333-8333-333333333333";
    public static final String V4 = "44444444-4444-4444-8444-444444444444";

    private SeedVersions() {}
}
