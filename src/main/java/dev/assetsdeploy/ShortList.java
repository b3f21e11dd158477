package dev.assetsdeploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A list of problems as people read it: the first {@value #SHOWN}, then {@code ... and N more}. One
 * folder, config or server answer can hold thousands; a log with all of them helps nobody.
 */
public final class ShortList {

    public static final int SHOWN = 20;

    private ShortList() {}

    /** The first {@value #SHOWN} items, then {@code "... and N more" + suffix} when there were more. */
    public static List<String> of(List<String> items, String suffix) {
        if (items.size() <= SHOWN) {
            return items;
        }
        List<String> shown = new ArrayList<>(items.subList(0, SHOWN));
        shown.add(String.format(Locale.ROOT, "... and %,d more%s", items.size() - SHOWN, suffix));
        return shown;
    }

    public static List<String> of(List<String> items) {
        return of(items, "");
    }

    /** {@link #of} joined with {@code separator}, for a problem list that is one line. */
    public static String join(String separator, List<String> items) {
        return String.join(separator, of(items));
    }
}
