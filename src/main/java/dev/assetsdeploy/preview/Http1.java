package dev.assetsdeploy.preview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The little of HTTP/1.1 the preview server needs, on raw bytes: the request target exactly as sent
 * (an HTTP library would decode it, or refuse a backslash or a malformed {@code %} that Cloudflare
 * routes), headers, a body to skip, and a response with its length.
 */
final class Http1 {

    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private Http1() {}

    /** A request that cannot be answered but with this status (the connection is closed after it). */
    static final class BadRequest extends Exception {
        final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /**
     * A request's head.
     *
     * @param target  the request target as sent, each byte above ASCII as {@code %XX} (how a URL parser
     *                encodes it), everything else as it is
     * @param headers names case-insensitive, repeated ones joined with {@code ", "}
     */
    record Head(String method, String target, String version, Map<String, String> headers) {

        String header(String name) {
            return headers.get(name);
        }

        /** HTTP/1.1 keeps the connection unless told otherwise; this server closes an HTTP/1.0 one. */
        boolean keepAlive() {
            String connection = header("Connection");
            return version.equals("HTTP/1.1")
                    && (connection == null
                            || !connection.toLowerCase(Locale.ROOT).contains("close"));
        }
    }

    /** The next request's head, or {@code null} when the client closed the connection between requests. */
    static Head readHead(InputStream in) throws IOException, BadRequest {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean lineEmpty = true;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\r' && (c = in.read()) != '\n') {
                throw new BadRequest(400, "a CR without LF in the request head");
            }
            if (c == '\n') {
                if (lineEmpty && bytes.size() > 0) {
                    return parse(bytes.toByteArray());
                }
                if (!lineEmpty) { // an empty line before the request line is allowed, and skipped
                    bytes.write('\n');
                }
                lineEmpty = true;
                continue;
            }
            bytes.write(c);
            lineEmpty = false;
            if (bytes.size() > MAX_HEAD_BYTES) {
                throw new BadRequest(431, "request head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        if (bytes.size() == 0) {
            return null;
        }
        throw new BadRequest(400, "the connection closed inside a request head");
    }

    private static Head parse(byte[] head) throws BadRequest {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String[] lines = text.split("\n");
        String[] requestLine = lines[0].split(" ", -1);
        if (requestLine.length != 3
                || requestLine[0].isEmpty()
                || requestLine[1].isEmpty()
                || !requestLine[2].startsWith("HTTP/1.")) {
            throw new BadRequest(400, "not an HTTP/1.x request line");
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new BadRequest(400, "a header line without a name");
            }
            headers.merge(
                    lines[i].substring(0, colon).strip(),
                    lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        return new Head(requestLine[0], target(requestLine[1]), requestLine[2], headers);
    }

    /** The target's bytes (read as ISO-8859-1, one char each): those above ASCII become {@code %XX}. */
    private static String target(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reads past the request's body (a length, or chunks), so the next request can be read. */
    static void skipBody(InputStream in, Head head) throws IOException, BadRequest {
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            while (true) {
                String size = line(in).split(";", 2)[0].strip();
                long length;
                try {
                    length = Long.parseLong(size, 16);
                } catch (NumberFormatException e) {
                    throw new BadRequest(400, "a malformed chunk size");
                }
                if (length == 0) {
                    while (!line(in).isEmpty()) {
                        // trailers
                    }
                    return;
                }
                in.skipNBytes(length);
                line(in);
            }
        }
        String length = head.header("Content-Length");
        if (length != null) {
            try {
                in.skipNBytes(Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "a malformed Content-Length");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /**
     * Writes a response: the status line, {@code headers} (line breaks in them become spaces), a Date,
     * {@code Content-Length: length} unless {@code length} is negative, and {@code body} (null: none, as
     * for HEAD, where the length is still the GET's).
     */
    static void write(
            OutputStream out, int status, List<ResponseHeaders.Header> headers, long length, byte[] body, boolean close)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        for (ResponseHeaders.Header h : headers) {
            head.append(oneLine(h.name()))
                    .append(": ")
                    .append(oneLine(h.value()))
                    .append("\r\n");
        }
        head.append("Date: ")
                .append(DATE.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        if (length >= 0) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            default -> "";
        };
    }
}
