package dev.assetsdeploy.manifest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Content types exactly as wrangler 4.164 resolves them: the {@code mime} 4.0.7 table
 * (a resource copied from the fixtures wrangler produced), looked up the way
 * {@code mime.getType(absolutePath)} does, then {@code ; charset=utf-8} added to
 * {@code text/*} types that have no charset.
 */
public final class ContentTypes {

    /** What the upload API takes for "no content type": the asset is served without one. */
    public static final String NULL_TYPE = "application/null";

    private static final Map<String, String> BY_EXTENSION = load();

    private ContentTypes() {}

    /** The content type for a file name (not a path), or {@code null} when it has none. */
    public static String forFileName(String fileName) {
        // mime 4.0.7 getType(absolutePath): the last segment after '/' or '\\' (a backslash in a
        // Linux file name counts as a separator to it), lower-cased; the text after its last dot;
        // no type when that segment has no dot other than a leading one (".htaccess", "LICENSE").
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .toLowerCase(Locale.ROOT);
        String ext = last.substring(last.lastIndexOf('.') + 1);
        boolean hasDot = ext.length() < last.length() - 1;
        if (!hasDot) {
            return null;
        }
        String type = BY_EXTENSION.get(ext);
        if (type != null && type.startsWith("text/") && !type.contains("charset")) {
            return type + "; charset=utf-8";
        }
        return type;
    }

    private static Map<String, String> load() {
        Map<String, String> map = new HashMap<>(2048);
        try (InputStream in = ContentTypes.class.getResourceAsStream("mime-types.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
