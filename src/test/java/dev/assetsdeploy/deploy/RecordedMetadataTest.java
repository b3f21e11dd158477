package dev.assetsdeploy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.ConfigLoader;
import dev.assetsdeploy.config.ConfigOverrides;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.InvalidConfigException;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.recorded.RecordedExchange;
import dev.assetsdeploy.recorded.RecordedPart;
import dev.assetsdeploy.recorded.Recording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata part of every Worker upload wrangler 4.164 made in the recordings, built by us from the same config,
 * for the same request and live state (which bindings it sent as {@code inherit}, which migrations): the same JSON,
 * key order and number form included. Only the completion token is the recording's own, and for a Worker without
 * assets we send {@code keep_assets} where wrangler sends no {@code assets} at all, so those two are left out.
 */
class RecordedMetadataTest {

    /** Recordings whose config assets-deploy refuses, or that stop before any upload we would make. */
    private static final Map<String, String> NOT_OURS = Map.of(
            "e02-silent-collisions", "wrangler silently drops a clashing binding; we refuse the config",
            "e04-unsupported", "unsafe bindings and namespaces wrangler creates: refused",
            "t11-draft-bindings-new", "wrangler creates the resources first; we refuse to",
            "t16-owned-workflow-new", "a workflow the Worker defines: refused",
            "secrets-required-missing", "the upload is refused by the API (10057)",
            "versions-upload-alias", "--tag and --preview-alias annotations: issue 12's versions upload",
            "versions-upload-no-previews", "--tag and --preview-alias annotations: issue 12's versions upload");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> eachRecordedUploadsMetadataIsOurs() {
        return Recording.names().stream()
                .map(Recording::load)
                .filter(r -> upload(r) != null && !NOT_OURS.containsKey(r.name()))
                .map(r -> DynamicTest.dynamicTest(r.name(), () -> assertSameMetadata(r)));
    }

    private void assertSameMetadata(Recording recording) throws IOException {
        RecordedExchange upload = upload(recording);
        JsonObject theirs = metadataOf(upload);
        Path project = recording.writeProject(Files.createDirectories(dir.resolve(recording.name())));
        List<String> args = recording.wranglerArgs();
        DeployConfig config;
        try {
            config = new ConfigLoader(project)
                    .load(
                            ConfigOverrides.builder()
                                    .environment(value(args, "--env"))
                                    .build(),
                            Requirements.NONE)
                    .config();
        } catch (InvalidConfigException e) {
            throw new AssertionError(recording.name() + ": " + e.getMessage(), e);
        }
        boolean version = upload.method().equals("POST");
        UploadKind kind = !version
                ? UploadKind.SCRIPT
                : args.get(0).equals("versions") ? UploadKind.VERSION : UploadKind.DEPLOYED_VERSION;
        DeployTarget target =
                new DeployTarget(config.scriptName(), value(args, "--dispatch-namespace"), kind == UploadKind.VERSION);
        List<Path> modules = upload.parts().stream().anyMatch(p -> p.name().equals("lib/x.mjs"))
                ? List.of(project.resolve("dist/lib/x.mjs"))
                : List.of();
        PreparedWorker worker =
                PreparedWorker.prepare(config, target, modules, VersionAnnotations.message(value(args, "--message")));
        AssetsSource assets = config.assetsDirectory() == null
                ? AssetsSource.keepExisting()
                : AssetsSource.token(theirs.getAsJsonObject("assets").get("jwt").getAsString());
        JsonObject ours = worker.upload(
                        assets,
                        kind,
                        inherited(theirs, config),
                        theirs.has("migrations") ? theirs.getAsJsonObject("migrations") : null)
                .metadata();
        if (config.assetsDirectory() == null) {
            theirs.remove("assets");
            ours.remove("assets");
            ours.remove("keep_assets");
        }
        assertEquals(Json.compact(theirs), Json.compact(ours), recording.name());
    }

    private static RecordedExchange upload(Recording recording) {
        return recording.requests().stream()
                .filter(r -> r.parts() != null && r.status() == 200)
                .findFirst()
                .orElse(null);
    }

    private static JsonObject metadataOf(RecordedExchange upload) {
        for (RecordedPart part : upload.parts()) {
            if (part.name().equals("metadata")) {
                return part.json().getAsJsonObject().deepCopy();
            }
        }
        throw new AssertionError("no metadata part");
    }

    /** What the live Worker let wrangler inherit: its {@code inherit} bindings, the required secrets aside. */
    private static Set<String> inherited(JsonObject metadata, DeployConfig config) {
        Set<String> names = new LinkedHashSet<>();
        if (metadata.get("bindings") != null) {
            for (JsonElement binding : metadata.getAsJsonArray("bindings")) {
                if (binding.getAsJsonObject().get("type").getAsString().equals("inherit")) {
                    names.add(binding.getAsJsonObject().get("name").getAsString());
                }
            }
        }
        names.removeAll(config.bindings().requiredSecrets());
        return names;
    }

    private static String value(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i < 0 ? null : args.get(i + 1);
    }
}
