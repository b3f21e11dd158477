package dev.assetsdeploy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** One Gson setup for every JSON the tool prints or sends: no HTML escaping, nulls kept. */
public final class Json {

    public static final Gson COMPACT =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    public static final Gson PRETTY = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .setPrettyPrinting()
            .create();

    private Json() {}

    public static String compact(JsonElement json) {
        return COMPACT.toJson(json);
    }

    public static String pretty(JsonElement json) {
        return PRETTY.toJson(json);
    }
}
