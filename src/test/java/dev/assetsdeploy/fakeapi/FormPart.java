package dev.assetsdeploy.fakeapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One part of a {@code multipart/form-data} body, read whole (Worker uploads are small). */
public record FormPart(String name, String filename, String contentType, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The parts of {@code body}, in order.
     *
     * @throws IllegalArgumentException when the content type is not multipart with a boundary, or the body is malformed
     */
    public static List<FormPart> parse(String contentType, byte[] body) {
        String boundary = MultipartReader.boundary(contentType);
        if (boundary == null) {
            throw new IllegalArgumentException("not multipart/form-data with a boundary: " + contentType);
        }
        try {
            MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary);
            List<FormPart> parts = new ArrayList<>();
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                parts.add(new FormPart(
                        part.name(),
                        part.filename(),
                        part.contentType(),
                        part.body().readAllBytes()));
            }
            return parts;
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed multipart body: " + e.getMessage(), e);
        }
    }
}
