package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The Cloudflare API's answers as the fake gives them: the JSON envelope, and the request helpers every area uses. */
final class Envelope {

    private Envelope() {}

    static JsonObject success(JsonElement result) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("success", true);
        envelope.add("errors", new JsonArray());
        envelope.add("messages", new JsonArray());
        envelope.add("result", result);
        return envelope;
    }

    /** A list result, with the page block list endpoints answer (one page holds everything). */
    static JsonObject paged(JsonArray result) {
        JsonObject envelope = success(result);
        JsonObject info = new JsonObject();
        info.addProperty("page", 1);
        info.addProperty("per_page", 50);
        info.addProperty("count", result.size());
        info.addProperty("total_count", result.size());
        envelope.add("result_info", info);
        return envelope;
    }

    static JsonObject error(int code, String message) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("success", false);
        JsonArray errors = new JsonArray();
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("message", message);
        errors.add(e);
        envelope.add("errors", errors);
        envelope.add("messages", new JsonArray());
        envelope.add("result", JsonNull.INSTANCE);
        return envelope;
    }

    static void respond(HttpExchange ex, int status, JsonObject envelope) throws IOException {
        byte[] bytes = envelope.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads what is left of the body, then answers: refusing before the body is read can stall the client. */
    static void refuse(HttpExchange ex, int status, JsonObject envelope) throws IOException {
        drain(ex.getRequestBody());
        respond(ex, status, envelope);
    }

    static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[64 * 1024];
        while (in.read(skip) >= 0) {
            // discard
        }
    }

    static long contentLength(HttpExchange ex) {
        try {
            return Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
        } catch (RuntimeException e) {
            return 2;
        }
    }

    /** A query parameter's raw value, {@code ""} when it has none, {@code null} when absent. */
    static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
