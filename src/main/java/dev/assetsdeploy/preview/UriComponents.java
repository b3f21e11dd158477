package dev.assetsdeploy.preview;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * JavaScript's {@code decodeURIComponent}/{@code encodeURIComponent}, segment by segment, as the
 * asset worker's {@code decodePath}/{@code encodePath} use them to find an asset and to decide the
 * canonical form of a URL.
 */
final class UriComponents {

    private static final String UNRESERVED = "-_.!~*'()";

    private UriComponents() {}

    /** Each segment decoded (a segment that does not decode stays as it is), then runs of {@code /} collapsed. */
    static String decodePath(String pathname) {
        List<String> out = new ArrayList<>();
        for (String segment : pathname.split("/", -1)) {
            String decoded = decodeComponent(segment);
            out.add(decoded == null ? segment : decoded);
        }
        return String.join("/", out).replaceAll("/+", "/");
    }

    static String encodePath(String pathname) {
        List<String> out = new ArrayList<>();
        for (String segment : pathname.split("/", -1)) {
            String encoded = encodeComponent(segment);
            out.add(encoded == null ? segment : encoded);
        }
        return String.join("/", out);
    }

    /** {@code decodeURIComponent}, or {@code null} where it throws a URIError. */
    static String decodeComponent(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            ByteBuffer bytes = ByteBuffer.allocate(s.length());
            while (i < s.length() && s.charAt(i) == '%') {
                int b = hexByte(s, i);
                if (b < 0) {
                    return null;
                }
                bytes.put((byte) b);
                i += 3;
            }
            bytes.flip();
            try {
                CharBuffer chars = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(bytes);
                out.append(chars);
            } catch (CharacterCodingException e) {
                return null;
            }
        }
        return out.toString();
    }

    private static int hexByte(String s, int at) {
        if (at + 2 >= s.length()) {
            return -1;
        }
        int hi = hex(s.charAt(at + 1));
        int lo = hex(s.charAt(at + 2));
        return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
    }

    private static int hex(char c) {
        return c >= '0' && c <= '9'
                ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** {@code encodeURIComponent}, or {@code null} where it throws (a lone surrogate). */
    static String encodeComponent(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
                continue;
            }
            int cp;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return null;
                }
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isLowSurrogate(c)) {
                return null;
            } else {
                cp = c;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
