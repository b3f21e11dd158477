package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The response body on its way out, copied: when the handler closes it (or returns without writing), the answer
 * goes to the control-plane log before the client can see the end of it.
 */
final class ResponseCapture extends FilterOutputStream {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private final Consumer<JsonObject> done;
    private boolean finished;

    ResponseCapture(OutputStream out, Consumer<JsonObject> done) {
        super(out);
        this.done = done;
    }

    @Override
    public void write(int b) throws IOException {
        copy.write(b);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        copy.write(b, off, len);
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        finish();
        super.close();
    }

    /** Hands the answer on, once. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        done.accept(envelope());
    }

    private JsonObject envelope() {
        try {
            JsonElement json = JsonParser.parseString(copy.toString(StandardCharsets.UTF_8));
            return json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
        } catch (JsonParseException e) {
            return new JsonObject();
        }
    }
}
