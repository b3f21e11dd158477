package dev.assetsdeploy.deploy;

import dev.assetsdeploy.AssetsDeployException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One module part of a Worker upload: its part name (the path relative to the main module's
 * folder, with {@code /} separators: the name its imports resolve to), its content type and the
 * file it is read from.
 */
public record WorkerModule(String name, String contentType, Path file) {

    /** Content type by extension, as wrangler's module rules give them (its defaults add {@code .sql} as text). */
    static final Map<String, String> CONTENT_TYPES = Map.of(
            "js", "application/javascript+module",
            "mjs", "application/javascript+module",
            "cjs", "application/javascript",
            "wasm", "application/wasm",
            "txt", "text/plain",
            "html", "text/plain",
            "sql", "text/plain",
            "bin", "application/octet-stream",
            "map", "application/source-map");

    static final List<String> MAIN_EXTENSIONS = List.of("js", "mjs");

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String contentTypeOf(Path file, String flag) {
        String type = CONTENT_TYPES.get(extension(file.getFileName().toString()));
        if (type == null) {
            throw AssetsDeployException.invalidInput(flag + " " + file + ": unknown module kind; use one of ."
                    + String.join(
                            ", .", CONTENT_TYPES.keySet().stream().sorted().toList())
                    + " (assets-deploy does not bundle: pass a built Worker)");
        }
        return type;
    }
}
