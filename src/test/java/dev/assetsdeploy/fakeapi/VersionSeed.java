package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;

/**
 * How a seeded version looks; every field has a default. Without {@link #bindings}, the version has the assets
 * binding {@code ASSETS} and a {@code secret_text} binding for each secret the Worker has when the version is added.
 */
public final class VersionSeed {

    String message;
    String tag;
    String alias;
    String triggeredBy = "upload";
    JsonObject annotations;
    JsonArray bindings;
    String compatibilityDate = "2025-01-01";
    List<String> compatibilityFlags = List.of();
    boolean hasPreview = true;
    String source = "wrangler";
    String createdOn;
    Integer number;
    String etag;
    List<String> handlers = List.of("fetch");

    VersionSeed() {}

    /** {@code workers/message}. */
    public VersionSeed message(String message) {
        this.message = message;
        return this;
    }

    /** {@code workers/tag}. */
    public VersionSeed tag(String tag) {
        this.tag = tag;
        return this;
    }

    /** {@code workers/alias}: the preview alias. */
    public VersionSeed alias(String alias) {
        this.alias = alias;
        return this;
    }

    /** {@code workers/triggered_by} ({@code upload} unless set). */
    public VersionSeed triggeredBy(String triggeredBy) {
        this.triggeredBy = triggeredBy;
        return this;
    }

    /** The annotations exactly (instead of those built from message, tag, alias and triggered_by). */
    public VersionSeed annotations(JsonObject annotations) {
        this.annotations = annotations.deepCopy();
        return this;
    }

    /** The bindings exactly. */
    public VersionSeed bindings(JsonArray bindings) {
        this.bindings = bindings.deepCopy();
        return this;
    }

    /** The bindings exactly, as JSON text: {@code [{"name":"KV","type":"kv_namespace","namespace_id":"..."}]}. */
    public VersionSeed bindings(String json) {
        return bindings(JsonParser.parseString(json).getAsJsonArray());
    }

    public VersionSeed compatibilityDate(String date) {
        this.compatibilityDate = date;
        return this;
    }

    public VersionSeed compatibilityFlags(String... flags) {
        this.compatibilityFlags = List.of(flags);
        return this;
    }

    /** Whether the version can have a preview URL (true unless set). */
    public VersionSeed hasPreview(boolean hasPreview) {
        this.hasPreview = hasPreview;
        return this;
    }

    /** {@code metadata.source} ({@code wrangler} unless set: {@code api}, {@code dash}, ...). */
    public VersionSeed source(String source) {
        this.source = source;
        return this;
    }

    /** {@code metadata.created_on} (the clock's next minute unless set), as the API writes it. */
    public VersionSeed createdOn(String createdOn) {
        this.createdOn = createdOn;
        return this;
    }

    /** The version number (one more than the Worker's last unless set). */
    public VersionSeed number(int number) {
        this.number = number;
        return this;
    }

    /** {@code resources.script.etag}. */
    public VersionSeed etag(String etag) {
        this.etag = etag;
        return this;
    }

    /** {@code resources.script.handlers} ({@code ["fetch"]} unless set). */
    public VersionSeed handlers(String... handlers) {
        this.handlers = List.of(handlers);
        return this;
    }

    Version build(String id, Worker worker, WorkersState state) {
        JsonObject notes = annotations;
        if (notes == null) {
            notes = new JsonObject();
            notes.addProperty("workers/triggered_by", triggeredBy);
            if (message != null) {
                notes.addProperty("workers/message", message);
            }
            if (tag != null) {
                notes.addProperty("workers/tag", tag);
            }
            if (alias != null) {
                notes.addProperty("workers/alias", alias);
            }
        }
        JsonArray resolved = bindings;
        if (resolved == null) {
            resolved = new JsonArray();
            resolved.add(binding("ASSETS", "assets"));
            for (String secret : worker.secrets) {
                resolved.add(binding(secret, "secret_text"));
            }
        }
        return new Version(
                id,
                number != null ? number : worker.versions.size() + 1,
                createdOn != null ? createdOn : state.tick(),
                source,
                hasPreview,
                notes,
                resolved,
                etag != null ? etag : Ids.hex("etag", id) + Ids.hex("etag2", id),
                handlers,
                compatibilityDate,
                compatibilityFlags);
    }

    static JsonObject binding(String name, String type) {
        JsonObject b = new JsonObject();
        b.addProperty("name", name);
        b.addProperty("type", type);
        return b;
    }
}
