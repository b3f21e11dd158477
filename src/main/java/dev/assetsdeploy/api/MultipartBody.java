package dev.assetsdeploy.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body whose exact length is known before sending and whose
 * parts are streamed (from disk, or any {@link Content}) while it is written. Repeatable:
 * each write opens its sources again, so a retry sends the same bytes.
 */
public final class MultipartBody {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] FILENAME = "; filename=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_TYPE = "Content-Type: ".getBytes(StandardCharsets.US_ASCII);

    /** A part's bytes: their exact count up front, then the bytes themselves, streamed. */
    public interface Content {
        long length();

        void writeTo(OutputStream out) throws IOException;

        static Content of(byte[] bytes) {
            return wrap(bytes.clone());
        }

        static Content ofString(String text) {
            return wrap(text.getBytes(StandardCharsets.UTF_8)); // fresh bytes: no copy (a JSON body can be MBs)
        }

        private static Content wrap(byte[] bytes) {
            return new Content() {
                @Override
                public long length() {
                    return bytes.length;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    out.write(bytes);
                }
            };
        }

        /** A file's bytes; its size is taken now, and a file that no longer has that size fails the write. */
        static Content ofFile(Path file) throws IOException {
            long size = Files.size(file);
            return new Content() {
                @Override
                public long length() {
                    return size;
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    try (InputStream in = Files.newInputStream(file)) {
                        byte[] buffer = new byte[64 * 1024];
                        long left = size;
                        while (left > 0) {
                            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                            if (n < 0) {
                                throw new IOException(file + " got shorter while it was being sent");
                            }
                            out.write(buffer, 0, n);
                            left -= n;
                        }
                        if (in.read() >= 0) {
                            throw new IOException(file + " got longer while it was being sent");
                        }
                    }
                }
            };
        }
    }

    /** One part: form field {@code name}, optional {@code filename} and {@code contentType} (null = header left out). */
    public record Part(String name, String filename, String contentType, Content content) {}

    private final String boundary;
    private final List<Part> parts;
    private final List<byte[]> headers;
    private final long length;

    private MultipartBody(String boundary, List<Part> parts) {
        this.boundary = boundary;
        this.parts = List.copyOf(parts);
        List<byte[]> heads = new ArrayList<>(this.parts.size());
        byte[] dispositionStart =
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"").getBytes(StandardCharsets.UTF_8);
        long total = 0;
        for (Part part : this.parts) {
            byte[] head = partHeader(part, dispositionStart);
            heads.add(head);
            total += head.length + part.content().length() + CRLF.length;
        }
        this.headers = heads;
        this.length = total + closing().length;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact number of bytes {@link #writeTo} writes. */
    public long length() {
        return length;
    }

    public List<Part> parts() {
        return parts;
    }

    public void writeTo(OutputStream out) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            out.write(headers.get(i));
            parts.get(i).content().writeTo(out);
            out.write(CRLF);
        }
        out.write(closing());
    }

    /** A part's header, built straight into bytes of its exact length: a bucket builds thousands of them. */
    private byte[] partHeader(Part part, byte[] dispositionStart) {
        byte[] name = escape(part.name()).getBytes(StandardCharsets.UTF_8);
        byte[] filename =
                part.filename() == null ? null : escape(part.filename()).getBytes(StandardCharsets.UTF_8);
        byte[] type = part.contentType() == null ? null : part.contentType().getBytes(StandardCharsets.UTF_8);
        ByteBuffer head = ByteBuffer.allocate(dispositionStart.length
                + name.length
                + 1
                + (filename == null ? 0 : FILENAME.length + filename.length + 1)
                + CRLF.length
                + (type == null ? 0 : CONTENT_TYPE.length + type.length + CRLF.length)
                + CRLF.length);
        head.put(dispositionStart).put(name).put((byte) '"');
        if (filename != null) {
            head.put(FILENAME).put(filename).put((byte) '"');
        }
        head.put(CRLF);
        if (type != null) {
            head.put(CONTENT_TYPE).put(type).put(CRLF);
        }
        return head.put(CRLF).array();
    }

    private byte[] closing() {
        return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The WHATWG form-data escaping of names (what browsers and undici send). */
    private static String escape(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    public static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private String boundary =
                "----assets-deploy-" + UUID.randomUUID().toString().replace("-", "");

        /** A fixed boundary (tests); it must not occur in any part. */
        public Builder boundary(String fixed) {
            this.boundary = fixed;
            return this;
        }

        /** A plain form field (no filename, no content type), as {@code FormData.set(name, string)} sends. */
        public Builder field(String name, String value) {
            return part(new Part(name, null, null, Content.ofString(value)));
        }

        public Builder part(String name, String filename, String contentType, Content content) {
            return part(new Part(name, filename, contentType, content));
        }

        public Builder part(Part part) {
            parts.add(part);
            return this;
        }

        public MultipartBody build() {
            return new MultipartBody(boundary, parts);
        }
    }
}
