package dev.assetsdeploy.config;

import com.google.gson.JsonElement;
import dev.assetsdeploy.Json;

/** How error messages show a config value: strings and numbers as JSON, containers by kind. */
final class Values {

    private Values() {}

    static String describe(JsonElement value, boolean tomlDate) {
        if (tomlDate) {
            return "the TOML date " + value.getAsString();
        }
        if (value == null || value.isJsonNull()) {
            return "null";
        }
        if (value.isJsonArray()) {
            return value.getAsJsonArray().isEmpty() ? "an empty list" : "a list";
        }
        if (value.isJsonObject()) {
            return "an object";
        }
        return Json.compact(value);
    }
}
