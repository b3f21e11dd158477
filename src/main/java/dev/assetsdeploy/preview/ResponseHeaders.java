package dev.assetsdeploy.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Response headers with the Fetch API's set/append/delete semantics (names compared case-insensitively). */
public final class ResponseHeaders {

    /** One header line as sent. */
    public record Header(String name, String value) {}

    private final List<Header> headers = new ArrayList<>();

    void set(String name, String value) {
        int at = indexOf(name);
        delete(name);
        headers.add(at < 0 ? headers.size() : at, new Header(name, value));
    }

    void append(String name, String value) {
        headers.add(new Header(name, value));
    }

    void delete(String name) {
        headers.removeIf(h -> h.name().equalsIgnoreCase(name));
    }

    private int indexOf(String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value as the Fetch API's {@code get} returns it: all values joined with {@code ", "}, or null. */
    public String get(String name) {
        List<String> values = headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .toList();
        return values.isEmpty() ? null : String.join(", ", values);
    }

    public List<Header> list() {
        return List.copyOf(headers);
    }

    /** Lower-case names, as HTTP/2 and the Fetch API show them. */
    public List<String> names() {
        return headers.stream()
                .map(h -> h.name().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
