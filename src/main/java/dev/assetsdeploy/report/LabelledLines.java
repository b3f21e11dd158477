package dev.assetsdeploy.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A block of {@code Label:  value} lines with the values in one column, as wrangler's {@code formatLabelledValues}
 * lays them out; a value of several lines continues in that column.
 */
final class LabelledLines {

    private final List<String> labels = new ArrayList<>();
    private final List<List<String>> values = new ArrayList<>();

    /** Adds a line; {@code null} or empty shows as {@code -}. */
    LabelledLines add(String label, String value) {
        return add(label, List.of(value == null || value.isEmpty() ? "-" : value));
    }

    /** Adds a value of several lines (at least one; none shows as {@code -}). */
    LabelledLines add(String label, List<String> lines) {
        labels.add(label);
        values.add(lines.isEmpty() ? List.of("-") : lines);
        return this;
    }

    void print(PrintWriter out) {
        int width = labels.stream().mapToInt(String::length).max().orElse(0) + 3;
        for (int i = 0; i < labels.size(); i++) {
            List<String> lines = values.get(i);
            out.println(pad(labels.get(i) + ":", width) + lines.get(0));
            for (String more : lines.subList(1, lines.size())) {
                out.println(pad("", width) + more);
            }
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(1, width - text.length()));
    }
}
