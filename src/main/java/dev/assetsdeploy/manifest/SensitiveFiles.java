package dev.assetsdeploy.manifest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files a user almost never means to publish. Each match names the {@code .assetsignore}
 * line that would leave it out. Folders ({@code .git/}, {@code node_modules/}) are reported
 * once, not once for every file inside.
 */
final class SensitiveFiles {

    private SensitiveFiles() {}

    /** One warning per sensitive file or folder among the manifest's paths, sorted by path. */
    static List<ManifestWarning> find(Iterable<String> manifestPaths) {
        Map<String, String> found = new TreeMap<>();
        for (String path : manifestPaths) {
            String folder = sensitiveFolder(path);
            if (folder != null) {
                found.putIfAbsent(folder, folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1));
                continue;
            }
            String rule = ruleForName(path.substring(path.lastIndexOf('/') + 1));
            if (rule != null) {
                found.put(path, rule);
            }
        }
        return found.entrySet().stream()
                .map(e -> new ManifestWarning(
                        ManifestWarning.Code.SENSITIVE_FILE,
                        e.getKey(),
                        e.getKey() + " looks private and would be published: add the line '" + e.getValue()
                                + "' to .assetsignore to leave it out"))
                .toList();
    }

    /** {@code /a/node_modules/} for {@code /a/node_modules/x/y.js}; {@code null} if no such folder. */
    private static String sensitiveFolder(String path) {
        // Scanned in place (no split): this runs for every file of the manifest.
        for (int start = 1, slash = path.indexOf('/', start);
                slash > 0;
                start = slash + 1, slash = path.indexOf('/', start)) {
            if (segment(path, start, slash, ".git") || segment(path, start, slash, "node_modules")) {
                return path.substring(0, slash + 1);
            }
        }
        return null;
    }

    private static boolean segment(String path, int start, int end, String name) {
        return end - start == name.length() && path.startsWith(name, start);
    }

    private static String ruleForName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".env")) {
            return ".env*";
        }
        if (name.startsWith(".dev.vars")) {
            return ".dev.vars*";
        }
        if (name.equals("wrangler.toml") || name.equals("wrangler.json") || name.equals("wrangler.jsonc")) {
            return name;
        }
        if (lower.endsWith(".pem")) {
            return "*.pem";
        }
        if (name.startsWith("id_rsa")) {
            return "id_rsa*";
        }
        return null;
    }
}
