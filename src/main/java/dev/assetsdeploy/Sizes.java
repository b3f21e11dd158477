package dev.assetsdeploy;

import java.util.Locale;

/**
 * Byte counts for people: binary units, one decimal, as wrangler prints them. Presentation, but
 * core messages use it too (the manifest's 25 MiB refusal), so it sits beside {@link Json}.
 */
public final class Sizes {

    private Sizes() {}

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
