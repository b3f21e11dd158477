package dev.assetsdeploy;

import java.util.Locale;

/** A count and its noun for people, "1 file", "1,234 files": beside {@link Sizes}, for core messages and reports. */
public final class Counts {

    private Counts() {}

    /** {@code n} and {@code one}, with an "s" unless {@code n} is 1. */
    public static String of(long n, String one) {
        return of(n, one, one + "s");
    }

    /** {@code n} and {@code one} or {@code many}. */
    public static String of(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
