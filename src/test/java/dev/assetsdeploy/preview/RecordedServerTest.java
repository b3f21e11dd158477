package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays what wrangler dev answered over a socket to the real preview server, each request target sent
 * byte for byte as it was recorded (a backslash, a malformed %, raw UTF-8): the server must route what
 * was sent, as {@code --explain} and Cloudflare do, whatever an HTTP library would make of it. The
 * {@code bytes} recordings also hold what a client gets beyond routing, for HEAD and Range requests.
 */
class RecordedServerTest {

    /** One answer as the bytes on the wire say. */
    record Answer(int status, Map<String, String> headers, byte[] body) {}

    @TestFactory
    Stream<DynamicTest> everyRecordedRequestOverTheWire() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(RecordedRoutingTest.RECORDED)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    private static void replay(Path file) throws Exception {
        JsonObject recording = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
        AssetRouter router = RecordedRoutingTest.router(recording);
        List<String> mismatches = new ArrayList<>();
        try (PreviewServer server = PreviewServer.start("127.0.0.1", 0, () -> router, (m, t, r) -> {})) {
            int port = server.address().getPort();
            for (JsonElement element : recording.getAsJsonArray("cases")) {
                JsonObject c = element.getAsJsonObject();
                Answer answer = send(port, c, Map.of());
                Map<String, Object> expected = RecordedRoutingTest.expected(c);
                Map<String, Object> actual = summary(answer);
                if (c.has("bytes")) {
                    expected.put("bytes", recordedBytes(c));
                    actual.put("bytes", bytes(answer, c, port));
                }
                if (!expected.equals(actual)) {
                    mismatches.add(
                            c.get("method").getAsString() + " " + c.get("path").getAsString() + " " + c.get("headers")
                                    + "\n    wrangler dev: " + expected + "\n    preview:      " + actual);
                }
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches in " + file.getFileName() + ":\n" + String.join("\n", mismatches));
        }
    }

    /** The answer to case {@code c}, sent as record.mjs sent it: one request, UTF-8 bytes, Connection: close. */
    static Answer send(int port, JsonObject c, Map<String, String> extraHeaders) throws IOException {
        StringBuilder request = new StringBuilder();
        String host = c.get("host").isJsonNull() ? "127.0.0.1" : c.get("host").getAsString();
        request.append(c.get("method").getAsString())
                .append(' ')
                .append(c.get("path").getAsString())
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\nConnection: close\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        c.getAsJsonObject("headers")
                .entrySet()
                .forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
        headers.putAll(extraHeaders);
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
            return parse(socket.getInputStream(), c.get("method").getAsString().equals("HEAD"));
        }
    }

    static Answer parse(InputStream in, boolean head) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertTrue(end > 0, "a response head: " + text);
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip();
            String value = new String(
                    lines[i].substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if (!head && "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** The routing summary RecordedRoutingTest compares, from the wire; a Worker's request is the 501 preview gives. */
    private static Map<String, Object> summary(Answer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a.status() == 501 && "worker".equals(a.headers().get("X-Assets-Preview"))) {
            m.put("worker", true);
            return m;
        }
        m.put("status", a.status());
        m.put("location", a.headers().get("Location"));
        m.put("contentType", a.headers().get("Content-Type"));
        m.put("cacheControl", a.headers().get("Cache-Control"));
        m.put("etag", a.headers().get("ETag") != null);
        Map<String, String> custom = new TreeMap<>();
        a.headers().forEach((name, value) -> {
            if (!RecordedRoutingTest.TRANSPORT.contains(name.toLowerCase(Locale.ROOT))
                    && !name.equalsIgnoreCase("X-Assets-Preview")) {
                custom.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        m.put("custom", custom);
        return m;
    }

    /**
     * What wrangler dev sent beyond routing. Its Content-Length is left out: workerd sends it or chunks
     * as it likes (HTML chunked, CSS with a length), and omits it on HEAD, where HTTP says it SHOULD be
     * the GET's; preview always sends it, and the GET's on HEAD (asserted in {@link #bytes}).
     */
    private static Map<String, Object> recordedBytes(JsonObject c) {
        JsonObject b = c.getAsJsonObject("bytes");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentRange", RecordedRoutingTest.string(b, "contentRange"));
        m.put("acceptRanges", RecordedRoutingTest.string(b, "acceptRanges"));
        m.put("bodyLength", b.get("bodyLength").getAsInt());
        return m;
    }

    private static Map<String, Object> bytes(Answer a, JsonObject c, int port) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contentRange", a.headers().get("Content-Range"));
        m.put("acceptRanges", a.headers().get("Accept-Ranges"));
        m.put("bodyLength", a.body().length);
        String length = a.headers().get("Content-Length");
        if (c.get("method").getAsString().equals("HEAD")) {
            JsonObject get = c.deepCopy();
            get.addProperty("method", "GET");
            Answer answerToGet = send(port, get, Map.of());
            assertEquals(
                    String.valueOf(answerToGet.body().length),
                    length,
                    "HEAD " + c.get("path") + ": the Content-Length of the GET");
        } else {
            assertEquals(String.valueOf(a.body().length), length, c.get("path") + ": the body's Content-Length");
        }
        return m;
    }
}
