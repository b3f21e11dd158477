package dev.assetsdeploy.recorded;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares the requests our tool sent with a recording's, one by one, and describes the first difference.
 *
 * <p>Volatile values: what the fake hands out (version and deployment ids, completion tokens, etags, times) may
 * differ from what the recording fake handed out. After each pair of requests, every string of our answer that
 * looks volatile (a UUID, long hex, a JWT, a timestamp) and differs from the recorded answer at the same place is
 * mapped to the recorded value, and replaced by it in our later requests before they are compared.
 */
final class RequestComparison {

    private static final Pattern VOLATILE = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|[0-9a-f]{32,64}|[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+|\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final int CONTEXT = 4;

    record Exclusion(RequestMatcher matcher, String reason) {}

    private final String recording;
    private final List<RecordedExchange> expected;
    private final List<ControlPlaneRequest> actual;
    private final List<String> notes;
    private final Map<String, String> substitutions = new LinkedHashMap<>();

    RequestComparison(
            String recording, List<RecordedExchange> expected, List<ControlPlaneRequest> actual, List<String> notes) {
        this.recording = recording;
        this.expected = expected;
        this.actual = actual;
        this.notes = notes;
    }

    /** The description of the first difference, or null when the requests are the same. */
    String firstDifference(List<List<RequestMatcher>> anyOrder) {
        learnOrderFreeAnswers(anyOrder);
        List<Integer> expectedInOrder = new ArrayList<>();
        List<Integer> actualInOrder = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            if (group(
                            anyOrder,
                            expected.get(i).method(),
                            expected.get(i).path(),
                            expected.get(i).query())
                    < 0) {
                expectedInOrder.add(i);
            }
        }
        for (int i = 0; i < actual.size(); i++) {
            if (group(
                            anyOrder,
                            actual.get(i).method(),
                            actual.get(i).path(),
                            actual.get(i).query())
                    < 0) {
                actualInOrder.add(i);
            }
        }
        for (int k = 0; k < Math.max(expectedInOrder.size(), actualInOrder.size()); k++) {
            Integer e = k < expectedInOrder.size() ? expectedInOrder.get(k) : null;
            Integer a = k < actualInOrder.size() ? actualInOrder.get(k) : null;
            List<String> want = e == null ? List.of("(no more requests)") : CanonicalRequest.of(expected.get(e));
            List<String> got =
                    a == null ? List.of("(no more requests)") : substitute(CanonicalRequest.of(actual.get(a)));
            if (!want.equals(got)) {
                return describe(e, a, want, got);
            }
            learn(expected.get(e).response(), actual.get(a).response());
        }
        for (int g = 0; g < anyOrder.size(); g++) {
            List<List<String>> want = new ArrayList<>();
            List<List<String>> got = new ArrayList<>();
            for (RecordedExchange r : expected) {
                if (group(anyOrder, r.method(), r.path(), r.query()) == g) {
                    want.add(CanonicalRequest.of(r));
                }
            }
            for (ControlPlaneRequest r : actual) {
                if (group(anyOrder, r.method(), r.path(), r.query()) == g) {
                    got.add(substitute(CanonicalRequest.of(r)));
                }
            }
            Comparator<List<String>> byText = Comparator.comparing(lines -> String.join("\n", lines));
            want.sort(byText);
            got.sort(byText);
            if (!want.equals(got)) {
                return "recording " + recording + ": the requests of an order-free group differ"
                        + " (compared sorted)\n" + diff(flatten(want), flatten(got)) + notes();
            }
        }
        return null;
    }

    /**
     * What the requests of an order-free group were answered (an upload session's completion token, say) is learnt
     * before any request is compared, pairing each recorded one with the first of ours of the same method, path and
     * query: later requests that carry those values compare as they do outside a group.
     */
    private void learnOrderFreeAnswers(List<List<RequestMatcher>> anyOrder) {
        List<ControlPlaneRequest> unpaired = new ArrayList<>(actual);
        for (RecordedExchange r : expected) {
            if (group(anyOrder, r.method(), r.path(), r.query()) < 0) {
                continue;
            }
            for (ControlPlaneRequest ours : unpaired) {
                if (ours.method().equals(r.method())
                        && ours.path().equals(r.path())
                        && java.util.Objects.equals(ours.query(), r.query())) {
                    learn(r.response(), ours.response());
                    unpaired.remove(ours);
                    break;
                }
            }
        }
    }

    private static int group(List<List<RequestMatcher>> groups, String method, String path, String query) {
        for (int g = 0; g < groups.size(); g++) {
            for (RequestMatcher m : groups.get(g)) {
                if (m.matches(method, path, query)) {
                    return g;
                }
            }
        }
        return -1;
    }

    private List<String> substitute(List<String> lines) {
        if (substitutions.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            for (Map.Entry<String, String> s : substitutions.entrySet()) {
                line = line.replace(s.getKey(), s.getValue());
            }
            out.add(line);
        }
        return out;
    }

    /** Maps our volatile values to the recorded ones found at the same place of the two answers. */
    private void learn(JsonElement recorded, JsonElement ours) {
        if (recorded == null || ours == null) {
            return;
        }
        if (recorded.isJsonObject() && ours.isJsonObject()) {
            JsonObject o = ours.getAsJsonObject();
            recorded.getAsJsonObject().entrySet().forEach(e -> learn(e.getValue(), o.get(e.getKey())));
        } else if (recorded.isJsonArray() && ours.isJsonArray()) {
            for (int i = 0;
                    i
                            < Math.min(
                                    recorded.getAsJsonArray().size(),
                                    ours.getAsJsonArray().size());
                    i++) {
                learn(recorded.getAsJsonArray().get(i), ours.getAsJsonArray().get(i));
            }
        } else if (recorded.isJsonPrimitive()
                && ours.isJsonPrimitive()
                && ours.getAsJsonPrimitive().isString()
                && !recorded.getAsString().equals(ours.getAsString())
                && VOLATILE.matcher(ours.getAsString()).matches()) {
            substitutions.putIfAbsent(ours.getAsString(), recorded.getAsString());
        }
    }

    private String describe(Integer e, Integer a, List<String> want, List<String> got) {
        StringBuilder out = new StringBuilder("recording ")
                .append(recording)
                .append(": request ")
                .append(a == null ? "(missing)" : "#" + (a + 1))
                .append(" of ours differs from wrangler's ")
                .append(e == null ? "(none left)" : "#" + (e + 1))
                .append(
                        e == null || expected.get(e).index() == e
                                ? ""
                                : " (entry " + (expected.get(e).index() + 1) + " of requests.json)")
                .append('\n')
                .append(diff(want, got))
                .append("\nthe two sequences, exclusions applied (! marks the first difference):\n");
        int rows = Math.max(expected.size(), actual.size());
        for (int i = 0; i < rows; i++) {
            String mark = (e != null && i == e) || (e == null && a != null && i == a) ? "!" : " ";
            out.append(String.format(
                    "%s %2d  %-70s %s%n",
                    mark,
                    i + 1,
                    i < expected.size() ? expected.get(i).line() : "",
                    i < actual.size() ? actual.get(i).line() : ""));
        }
        return out.append(notes()).toString();
    }

    /** The first differing line with context, wrangler's lines as {@code -}, ours as {@code +}. */
    private static String diff(List<String> want, List<String> got) {
        int first = 0;
        while (first < want.size() && first < got.size() && want.get(first).equals(got.get(first))) {
            first++;
        }
        int lastWant = want.size() - 1;
        int lastGot = got.size() - 1;
        while (lastWant >= first && lastGot >= first && want.get(lastWant).equals(got.get(lastGot))) {
            lastWant--;
            lastGot--;
        }
        StringBuilder out = new StringBuilder("--- wrangler (recorded)\n+++ ours\n");
        for (int i = Math.max(0, first - CONTEXT); i < first; i++) {
            out.append("  ").append(want.get(i)).append('\n');
        }
        for (int i = first; i <= lastWant; i++) {
            out.append("- ").append(want.get(i)).append('\n');
        }
        for (int i = first; i <= lastGot; i++) {
            out.append("+ ").append(got.get(i)).append('\n');
        }
        for (int i = lastWant + 1; i < Math.min(want.size(), lastWant + 1 + CONTEXT); i++) {
            out.append("  ").append(want.get(i)).append('\n');
        }
        return out.toString();
    }

    private static List<String> flatten(List<List<String>> requests) {
        List<String> lines = new ArrayList<>();
        requests.forEach(lines::addAll);
        return lines;
    }

    private String notes() {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes) + "\n";
    }
}
