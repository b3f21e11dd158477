package dev.assetsdeploy.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One binding of the Worker, as the config wrote it: validated, not yet mapped to the wire (the deploy step does that,
 * one kind at a time, from this JSON).
 *
 * @param kind   what it binds
 * @param name   the name the Worker code uses ({@code env.NAME})
 * @param config the config entry as parsed (a copy is kept and handed out): the object of a list entry, or the value
 *               of a {@code vars} entry
 * @param origin how messages name it: {@code wrangler.json: kv_namespaces[0]}, {@code wrangler.json: vars.GREETING}
 */
public record Binding(BindingKind kind, String name, JsonElement config, String origin) {

    public Binding {
        config = config.deepCopy();
    }

    @Override
    public JsonElement config() {
        return config.deepCopy();
    }

    /** The config entry of a kind that has one (every kind but vars). */
    public JsonObject entry() {
        return config.getAsJsonObject().deepCopy();
    }

    /** A string field of the entry, or {@code null}. */
    public String string(String field) {
        return config.isJsonObject()
                        && config.getAsJsonObject().get(field) instanceof com.google.gson.JsonPrimitive p
                        && p.isString()
                ? p.getAsString()
                : null;
    }

    /** The entry has this field (any value). */
    public boolean has(String field) {
        return config.isJsonObject() && config.getAsJsonObject().has(field);
    }

    /**
     * A binding that leaves out the resource it binds ({@link BindingKind#resourceField()}): wrangler deploys it as
     * {@code inherit} when the live Worker has it, and otherwise creates the resource. assets-deploy creates nothing.
     */
    public boolean isDraft() {
        return kind.resourceField() != null && string(kind.resourceField()) == null;
    }
}
