package dev.assetsdeploy.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.Set;

/**
 * A parsed wrangler config file, as a JSON tree whatever its format.
 *
 * @param file        the file, absolute
 * @param displayName how messages name it ({@code wrangler.jsonc}, {@code ../wrangler.toml})
 * @param root        the top-level table
 * @param tomlDates   the values that were TOML dates or times (identity set): they look like
 *                    strings in the tree, but wrangler rejects them where it wants a string
 */
record ConfigDocument(Path file, String displayName, JsonObject root, Set<JsonElement> tomlDates) {

    boolean isTomlDate(JsonElement value) {
        return tomlDates.contains(value);
    }
}
