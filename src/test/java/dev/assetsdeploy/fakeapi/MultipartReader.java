package dev.assetsdeploy.fakeapi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} reader: each part's body is an InputStream that ends
 * at the next boundary, read through a fixed buffer, so a request of any size is checked
 * without being held in memory. Strict: a body that ends before the closing boundary fails.
 */
public final class MultipartReader {

    /** One part: its headers (lower-case names) and its body, valid until {@link #next()} is called again. */
    public record Part(Map<String, String> headers, InputStream body) {
        public String name() {
            return dispositionParam("name");
        }

        public String filename() {
            return dispositionParam("filename");
        }

        public String contentType() {
            return headers.get("content-type");
        }

        private String dispositionParam(String param) {
            String cd = headers.get("content-disposition");
            if (cd == null) {
                return null;
            }
            for (String piece : cd.split(";")) {
                String p = piece.strip();
                if (p.startsWith(param + "=\"") && p.endsWith("\"")) {
                    return p.substring(param.length() + 2, p.length() - 1);
                }
            }
            return null;
        }
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean partOpen;
    private boolean finished;

    public MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        // The first boundary has no CRLF before it: pretend it had one.
        buf[0] = '\r';
        buf[1] = '\n';
        limit = 2;
    }

    public static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String piece : contentType.split(";")) {
            String p = piece.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length());
                return b.startsWith("\"") && b.endsWith("\"") ? b.substring(1, b.length() - 1) : b;
            }
        }
        return null;
    }

    /** The next part, or null after the closing boundary. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (partOpen) {
            drainPart();
        } else if (!startsAtDelimiter()) {
            throw new IOException("multipart body does not start with its boundary");
        }
        pos += delimiter.length;
        ensure(2);
        if (buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            pos += 2;
            return null;
        }
        if (buf[pos] != '\r' || buf[pos + 1] != '\n') {
            throw new IOException("malformed boundary line");
        }
        pos += 2;
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed part header: " + line);
            }
            headers.put(
                    line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        partOpen = true;
        return new Part(headers, new PartStream());
    }

    private boolean startsAtDelimiter() throws IOException {
        ensure(delimiter.length);
        for (int i = 0; i < delimiter.length; i++) {
            if (buf[pos + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private void drainPart() throws IOException {
        byte[] skip = new byte[8192];
        InputStream body = new PartStream();
        while (body.read(skip) >= 0) {
            // discard
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            ensure(2);
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                pos += 2;
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(buf[pos++]);
            if (line.size() > 8192) {
                throw new IOException("part header line too long");
            }
        }
    }

    /** Makes at least {@code n} bytes available from {@code pos}, or fails: the body ended early. */
    private void ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (!fill()) {
                throw new IOException("multipart body ended before its closing boundary");
            }
        }
    }

    private boolean fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }

    private final class PartStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!partOpen) {
                return -1;
            }
            while (true) {
                int found = indexOfDelimiter();
                if (found == pos) {
                    partOpen = false;
                    return -1;
                }
                int safe = found >= 0 ? found : limit - (delimiter.length - 1);
                if (safe > pos) {
                    int n = Math.min(len, safe - pos);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (!fill()) {
                    throw new IOException("multipart body ended inside a part");
                }
            }
        }

        private int indexOfDelimiter() {
            byte first = delimiter[0];
            outer:
            for (int i = pos; i <= limit - delimiter.length; i++) {
                if (buf[i] != first) {
                    continue;
                }
                for (int j = 1; j < delimiter.length; j++) {
                    if (buf[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
