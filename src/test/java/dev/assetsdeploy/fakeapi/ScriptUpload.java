package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Worker upload ({@code PUT .../scripts/NAME} or {@code POST .../scripts/NAME/versions}): its metadata and parts,
 * checked as the API checks them, and the version it makes. Every check runs before anything changes.
 */
final class ScriptUpload {

    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    /** Cloudflare's alias rules (notes/live-versions.md §B7): lower-case letters, digits, dashes; a letter first. */
    private static final Pattern ALIAS = Pattern.compile("^[a-z][a-z0-9-]*$");

    final JsonObject metadata;
    private final byte[] metadataBytes;
    private final Map<String, byte[]> parts;

    private ScriptUpload(JsonObject metadata, byte[] metadataBytes, Map<String, byte[]> parts) {
        this.metadata = metadata;
        this.metadataBytes = metadataBytes;
        this.parts = parts;
    }

    /** Reads the multipart body; one that is not multipart, or has no single JSON metadata part, is refused. */
    static ScriptUpload read(JsonCall call) {
        List<FormPart> formParts;
        try {
            formParts = FormPart.parse(call.header("Content-Type"), call.body());
        } catch (IllegalArgumentException e) {
            throw ApiError.refused(400, 10026, "a Worker upload is multipart/form-data: " + e.getMessage());
        }
        JsonObject metadata = null;
        byte[] metadataBytes = null;
        Map<String, byte[]> parts = new LinkedHashMap<>();
        for (FormPart part : formParts) {
            if (!"metadata".equals(part.name())) {
                parts.put(part.name(), part.bytes());
                continue;
            }
            if (metadata != null) {
                throw ApiError.invalid("a Worker upload has exactly one metadata part");
            }
            try {
                JsonElement json = JsonParser.parseString(part.text());
                if (!json.isJsonObject()) {
                    throw ApiError.invalid("the metadata part must be a JSON object");
                }
                metadata = json.getAsJsonObject();
                metadataBytes = part.bytes();
            } catch (JsonParseException e) {
                throw ApiError.invalid("the metadata part is not JSON");
            }
        }
        if (metadata == null) {
            throw ApiError.invalid("Worker upload without a metadata part");
        }
        return new ScriptUpload(metadata, metadataBytes, parts);
    }

    /**
     * Checks the metadata against the Worker it goes to.
     *
     * @param worker the Worker as it is, or null when this upload creates it
     * @param versionUpload true for {@code POST .../versions}: it cannot apply migrations, and only it may set an alias
     * @param strictInherit {@code bindings_inherit=strict}: an {@code inherit} with nothing to inherit is refused
     */
    void check(String name, Worker worker, FakeCloudflareApi api, boolean versionUpload, boolean strictInherit) {
        String main = optionalString("main_module");
        String bodyPart = optionalString("body_part");
        boolean keepAssets = metadata.has("keep_assets")
                && JsonValues.isBoolean(metadata.get("keep_assets"))
                && metadata.get("keep_assets").getAsBoolean();
        JsonElement assets = metadata.get("assets");
        for (String module : new String[] {main, bodyPart}) {
            if (module != null && !parts.containsKey(module)) {
                throw ApiError.invalid("No such module '" + module + "' in the upload (main_module names a part)");
            }
        }
        if (main == null && bodyPart == null && assets == null && !keepAssets) {
            throw ApiError.invalid("metadata must name main_module (or body_part), or carry assets");
        }
        if (assets != null) {
            if (!assets.isJsonObject()) {
                throw ApiError.invalid("metadata.assets must be an object");
            }
            JsonElement jwt = assets.getAsJsonObject().get("jwt");
            if (jwt == null
                    ? !keepAssets
                    : !JsonValues.isString(jwt) || !api.isValidCompletionToken(jwt.getAsString())) {
                throw ApiError.invalid("metadata.assets.jwt is not a live completion token");
            }
        }
        JsonElement date = metadata.get("compatibility_date");
        if (date != null
                && (!JsonValues.isString(date)
                        || !DATE.matcher(date.getAsString()).matches())) {
            throw ApiError.invalid("compatibility_date must be a date YYYY-MM-DD, got " + date);
        }
        requireStrings("compatibility_flags");
        requireStrings("keep_bindings");
        checkBindings(worker, strictInherit);
        checkMigrations(worker, versionUpload);
        checkAnnotations(name, versionUpload);
    }

    private void checkBindings(Worker worker, boolean strictInherit) {
        Set<String> names = new HashSet<>();
        Version previous = worker == null ? null : worker.latestVersion();
        for (JsonElement element : bindings()) {
            String problem = BindingRules.problem(element, parts.keySet());
            if (problem != null) {
                throw ApiError.invalid(problem);
            }
            JsonObject binding = element.getAsJsonObject();
            String bindingName = binding.get("name").getAsString();
            if (!names.add(bindingName)) {
                throw ApiError.invalid("binding name '" + bindingName + "' is used twice");
            }
            if (binding.get("type").getAsString().equals("inherit")
                    && strictInherit
                    && (previous == null || previous.binding(bindingName) == null)) {
                // wrangler matches the start of this text to name a missing required secret (the recording fake's).
                throw ApiError.refused(
                        400,
                        10057,
                        "inherit binding '" + bindingName
                                + "' is invalid: the previous version has no binding of that name");
            }
        }
    }

    /** Durable Object migrations: only a Worker upload applies them, from the tag the Worker has. */
    private void checkMigrations(Worker worker, boolean versionUpload) {
        JsonElement element = metadata.get("migrations");
        if (element == null) {
            return;
        }
        if (!element.isJsonObject()) {
            throw ApiError.invalid("metadata.migrations must be an object");
        }
        if (versionUpload) {
            // Code invented (the recording fake's): the real one is not in wrangler or the docs.
            throw ApiError.refused(
                    400, 10211, "Durable Object migrations cannot be applied by a version upload; deploy instead");
        }
        JsonObject migrations = element.getAsJsonObject();
        if (!JsonValues.isString(migrations.get("new_tag"))) {
            throw ApiError.invalid("metadata.migrations.new_tag must be a string");
        }
        String oldTag = JsonValues.isString(migrations.get("old_tag"))
                ? migrations.get("old_tag").getAsString()
                : null;
        String current = worker == null ? null : worker.migrationTag;
        if (oldTag == null ? current != null : !oldTag.equals(current)) {
            // Code invented (the recording fake's).
            throw ApiError.refused(
                    400,
                    10079,
                    "migration old_tag " + (oldTag == null ? "(none)" : "'" + oldTag + "'")
                            + " does not match the Worker's migration tag "
                            + (current == null ? "(none)" : "'" + current + "'"));
        }
    }

    private void checkAnnotations(String name, boolean versionUpload) {
        JsonElement element = metadata.get("annotations");
        if (element == null) {
            return;
        }
        if (!element.isJsonObject()) {
            throw ApiError.invalid("metadata.annotations must be an object");
        }
        for (Map.Entry<String, JsonElement> e : element.getAsJsonObject().entrySet()) {
            if (!JsonValues.isString(e.getValue())) {
                throw ApiError.invalid("annotation " + e.getKey() + " must be a string");
            }
        }
        JsonElement alias = element.getAsJsonObject().get("workers/alias");
        if (alias == null) {
            return;
        }
        // Messages invented; the rules are the docs' (aliases are created by version uploads only).
        String value = alias.getAsString();
        if (!versionUpload) {
            throw ApiError.invalid("a preview alias can only be set by a version upload");
        }
        if (!ALIAS.matcher(value).matches() || value.length() + 1 + name.length() > 63) {
            throw ApiError.invalid("preview alias '" + value + "' is invalid: lower-case letters, digits and"
                    + " dashes, starting with a letter, and at most 63 characters with the Worker name and a dash");
        }
    }

    /**
     * The version this upload makes: its bindings are the ones sent, {@code inherit} replaced by the previous
     * version's binding of that name, plus the previous version's bindings of the {@code keep_bindings} types that
     * were not sent.
     */
    Version toVersion(Worker worker, WorkersState state) {
        Version previous = worker.latestVersion();
        JsonArray resolved = new JsonArray();
        Set<String> named = new HashSet<>();
        for (JsonElement element : bindings()) {
            JsonObject binding = element.getAsJsonObject();
            String bindingName = binding.get("name").getAsString();
            named.add(bindingName);
            if (!binding.get("type").getAsString().equals("inherit")) {
                resolved.add(binding.deepCopy());
            } else if (previous != null && previous.binding(bindingName) != null) {
                resolved.add(previous.binding(bindingName));
            }
        }
        Set<String> kept = new HashSet<>(strings("keep_bindings"));
        if (previous != null) {
            for (JsonElement element : previous.bindings()) {
                JsonObject binding = element.getAsJsonObject();
                if (!named.contains(binding.get("name").getAsString())
                        && kept.contains(binding.get("type").getAsString())) {
                    resolved.add(binding);
                }
            }
        }
        JsonObject annotations = new JsonObject();
        annotations.addProperty("workers/triggered_by", "upload");
        if (metadata.has("annotations")) {
            metadata.getAsJsonObject("annotations").entrySet().forEach(e -> annotations.add(e.getKey(), e.getValue()));
        }
        boolean ownDurableObject = resolved.asList().stream()
                .map(JsonElement::getAsJsonObject)
                .anyMatch(b -> b.get("type").getAsString().equals("durable_object_namespace")
                        && (!b.has("script_name")
                                || b.get("script_name").getAsString().equals(worker.name)));
        boolean hasPreview = !ownDurableObject && !metadata.has("migrations") && worker.namespace == null;
        String main =
                optionalString("main_module") != null ? optionalString("main_module") : optionalString("body_part");
        String id = state.nextId("version");
        JsonElement date = metadata.get("compatibility_date");
        return new Version(
                id,
                worker.versions.size() + 1,
                state.tick(),
                "wrangler",
                hasPreview,
                annotations,
                resolved,
                etag(),
                main == null ? List.of() : List.of("fetch"),
                date == null ? null : date.getAsString(),
                strings("compatibility_flags"));
    }

    /** Adds the version to the Worker, with what a Worker upload changes besides. */
    Version apply(Worker worker, WorkersState state) {
        Version version = toVersion(worker, state);
        worker.versions.add(version);
        worker.modifiedOn = version.createdOn();
        if (metadata.has("assets") || metadata.has("keep_assets")) {
            worker.hasAssets = true;
        }
        return version;
    }

    /** The migration tag this upload leaves the Worker with (its own when it carries no migrations). */
    String newMigrationTag(Worker worker) {
        return metadata.has("migrations")
                ? metadata.getAsJsonObject("migrations").get("new_tag").getAsString()
                : worker.migrationTag;
    }

    private String etag() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(metadataBytes);
        parts.values().forEach(all::writeBytes);
        return Ids.sha256(all.toByteArray());
    }

    private JsonArray bindings() {
        JsonElement bindings = metadata.get("bindings");
        if (bindings == null) {
            return new JsonArray();
        }
        if (!bindings.isJsonArray()) {
            throw ApiError.invalid("metadata.bindings must be an array");
        }
        return bindings.getAsJsonArray();
    }

    private String optionalString(String key) {
        JsonElement value = metadata.get(key);
        if (value == null) {
            return null;
        }
        if (!JsonValues.isString(value)) {
            throw ApiError.invalid("metadata." + key + " must be a string");
        }
        return value.getAsString();
    }

    private void requireStrings(String key) {
        JsonElement value = metadata.get(key);
        if (value != null
                && (!value.isJsonArray()
                        || !value.getAsJsonArray().asList().stream().allMatch(JsonValues::isString))) {
            throw ApiError.invalid("metadata." + key + " must be a list of strings");
        }
    }

    private List<String> strings(String key) {
        JsonElement value = metadata.get(key);
        return value == null ? List.of() : JsonValues.strings(value.getAsJsonArray());
    }
}
