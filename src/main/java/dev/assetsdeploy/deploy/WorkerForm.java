package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.error.AssetsDeployException;
import dev.assetsdeploy.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;

/**
 * The multipart body of a Worker upload, encoded the way undici's {@code FormData} (wrangler's)
 * encodes it: the {@code metadata} part is a plain field (no filename, no Content-Type), each module
 * is a file part named and filenamed by its module name. A Worker is at most a few MiB, so the body
 * is built in memory.
 */
public record WorkerForm(String boundary, JsonObject metadata, List<WorkerModule> modules) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public WorkerForm {
        modules = List.copyOf(modules);
    }

    public static WorkerForm of(JsonObject metadata, List<WorkerModule> modules) {
        return new WorkerForm(newBoundary(), metadata, modules);
    }

    /** Same shape as undici's ({@code ----formdata-undici-0} + 11 digits), with our own prefix. */
    static String newBoundary() {
        return String.format("----assets-deploy-%016x", RANDOM.nextLong());
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String prefix = "--" + boundary + "\r\nContent-Disposition: form-data";
        write(body, prefix + "; name=\"metadata\"\r\n\r\n" + crlf(Json.compact(metadata)) + "\r\n");
        for (WorkerModule module : modules) {
            String name = escape(crlf(module.name()));
            write(body, prefix + "; name=\"" + name + "\"; filename=\"" + escape(module.name()) + "\"\r\n"
                    + "Content-Type: " + module.contentType() + "\r\n\r\n");
            body.writeBytes(read(module));
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return body.toByteArray();
    }

    private static byte[] read(WorkerModule module) {
        try {
            return Files.readAllBytes(module.file());
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read module " + module.file() + ": " + e.getMessage(), e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** undici's escaping of a name in Content-Disposition. */
    private static String escape(String value) {
        return value.replace("\n", "%0A").replace("\r", "%0D").replace("\"", "%22");
    }

    /** undici normalises line breaks of names and string values to CRLF. */
    private static String crlf(String value) {
        return value.replaceAll("\r?\n|\r", "\r\n");
    }
}
